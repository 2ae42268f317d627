/** Character tests on UTF-16 code units; the scanner calls them once per character. */

const LETTER = /[\p{L}\p{M}]/u;

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isDigitAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isDigitCode(text.charCodeAt(index));
}

export function isLetterAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code < 0xc0) return false;
  // Cyrillic is by far the most common non-ASCII script here; test it without a regex.
  if (code >= 0x400 && code <= 0x4ff) return true;
  return LETTER.test(text.charAt(index));
}

/** Spaces that may sit inside one phone writing (not tabs or line breaks: those part table cells). */
export function isInlineSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2007 || code === 0x2009 || code === 0x202f;
}

/** Hyphens that may join the digit groups of one phone writing. */
export function isJoiningHyphenCode(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

/** Any dash, including those that never join a phone (en/em dash, minus): used for glue checks. */
export function isDashCode(code: number): boolean {
  return isJoiningHyphenCode(code) || (code >= 0x2012 && code <= 0x2015) || code === 0x2212;
}

export function isWhitespaceCode(code: number): boolean {
  return isInlineSpaceCode(code) || code === 0x09 || code === 0x0a || code === 0x0d;
}
