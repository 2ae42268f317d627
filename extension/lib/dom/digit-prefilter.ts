/** The shortest number the finder takes has ten digits, `(495) 123-45-67` (CIS ones with `+`: eleven). */
export const MIN_PHONE_DIGITS = 10;

/** Longest run of punctuation the prefilter lets sit between two digits of one writing. */
const MAX_GAP = 3;

/** Spaces, hyphens and dashes, brackets, dot, slash and plus: what may join a phone's digit groups. */
function isJoiner(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x2007 ||
    code === 0x2009 ||
    code === 0x202f ||
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0x28 ||
    code === 0x29 ||
    code === 0x2e ||
    code === 0x2f ||
    code === 0x2b
  );
}

/**
 * True when the text has a run of at least `minDigits` digits joined only by
 * short runs of phone punctuation. A cheap superset of what the phone finder
 * can match, so it only keeps the finder off text that cannot hold a phone:
 * most text, and dates with times such as `24.11.2025, 10:00–14:00`.
 */
export function mayContainPhone(text: string, minDigits = MIN_PHONE_DIGITS): boolean {
  if (text.length < minDigits) return false;
  let digits = 0;
  let gap = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits >= minDigits) return true;
      gap = 0;
    } else if (isJoiner(code) && ++gap <= MAX_GAP) {
      continue;
    } else {
      digits = 0;
    }
  }
  return false;
}
