import { isDigitAt, isLetterAt } from './char-classes';

/** `доб. 123`, `, доб 12`, `(вн. 1234)`, `ext. 123`, `x123` right after a number. */
const EXTENSION_SUFFIX =
  /[ \u00a0]*,?[ \u00a0]*\(?(?:доб(?:авочный)?|доп|вн(?:утр(?:енний)?)?|ext(?:ension)?|x)\.?[ \u00a0]*[:№#]?[ \u00a0]*(\d{1,6})(?!\d)\)?/iuy;

/** RFC 3966 extension of a `tel:` URI: `tel:+79161234567;ext=123`. */
const URI_EXTENSION = /;ext=(\d{1,6})$/i;

export interface ExtensionMatch {
  readonly ext: string;
  readonly end: number;
}

/** An extension written from `from` on, or null; never reads past the suffix itself. */
export function matchExtension(text: string, from: number): ExtensionMatch | null {
  EXTENSION_SUFFIX.lastIndex = from;
  const match = EXTENSION_SUFFIX.exec(text);
  if (!match) return null;
  const end = from + match[0].length;
  if (isLetterAt(text, end) || isDigitAt(text, end)) return null;
  return { ext: match[1]!, end };
}

/** Splits `…;ext=123` off a `tel:` URI body. */
export function splitUriExtension(input: string): { body: string; ext?: string } {
  const match = URI_EXTENSION.exec(input);
  if (!match) return { body: input };
  return { body: input.slice(0, match.index), ext: match[1]! };
}
