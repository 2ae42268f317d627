/**
 * What the feature runs to make numbers callable, in either rendering: the
 * painter (highlights, the default) or the linker (inserted `<a>` links,
 * the user's choice and the fallback where the Highlight API is missing).
 * Each is stopped through the signal it was built with.
 */
export interface PhoneRenderer {
  /** Walks the document and follows its changes until the signal aborts. */
  start(): void;
  /** Takes back whatever it put on the page. */
  undo(): void;
}

/**
 * The slice of `shared/phone` the renderers need, as seams so tests and the
 * benchmark can run them with the real finder or a scripted one.
 */
export interface PhoneMatch {
  /** Offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  /** Normalized number, `+79161234567`. */
  e164: string;
}

export type PhoneFinder = (text: string) => readonly PhoneMatch[];

export type PhoneNormalizer = (input: string) => { e164: string } | null;
