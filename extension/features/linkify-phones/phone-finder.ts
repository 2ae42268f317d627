/**
 * The slice of `shared/phone` the linker needs, as seams so tests and the
 * benchmark can run the linker with the real finder or a scripted one.
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
