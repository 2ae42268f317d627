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
