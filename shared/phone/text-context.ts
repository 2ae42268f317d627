import {
  isDashCode,
  isDigitAt,
  isDigitCode,
  isInlineSpaceCode,
  isLetterAt,
  isWhitespaceCode,
} from './char-classes';
import { classifyWordBefore, isUnitSymbol, isUnitWord } from './context-words';
import { joinerClassAt } from './scan-chains';

/**
 * What surrounds a digit run: characters glued to it, the label before it and
 * the unit after it. Every look is bounded, so the cost per candidate is constant.
 */

/** UTF-16 codes of the characters (each one code unit): tested without a one-character string. */
function codeSet(characters: string): ReadonlySet<number> {
  return new Set([...characters].map((character) => character.charCodeAt(0)));
}

/** Characters that make a digit run part of a bigger token: `order_123`, `#123`, `123%`. */
const GLUE = codeSet('_*@#№$€₽£¥₸%‰=&\\~^`');
/** Punctuation passed over when reading back to the label of a number. */
const SKIPPED_BEFORE = codeSet(':.-–—()[]"«»\'|');
const LIST_PUNCTUATION = codeSet(',;/');
const LOOKBACK_LIMIT = 64;
const MAX_WORDS_BACK = 4;
/** КПП has 9 digits, the shortest of the ids listed next to others. */
const MIN_LISTED_DIGITS = 9;
const MAX_UNIT_LENGTH = 16;

export type LeftContext = 'identifier' | 'phone' | 'neutral';

/** `ИНН 7707…`, `Заказ № 4951…`, `тел. 7916…`: the nearest meaningful word before `start`. */
export function leftContext(text: string, start: number): LeftContext {
  const limit = Math.max(0, start - LOOKBACK_LIMIT);
  let index = start;
  while (index > limit && isWhitespaceCode(text.charCodeAt(index - 1))) index--;
  const sign = text.charAt(index - 1);
  if (sign === '№' || sign === '#') return 'identifier';

  let listed = false;
  let words = 0;
  index = start;
  while (index > limit) {
    const code = text.charCodeAt(index - 1);
    if (LIST_PUNCTUATION.has(code)) {
      listed = true;
      index--;
    } else if (isWhitespaceCode(code) || SKIPPED_BEFORE.has(code)) {
      index--;
    } else if (isDigitCode(code)) {
      // A number before ours carries its label to ours only when the two form a list
      // of long numbers (`ИНН/КПП 7707083893/770701001`), not `Заказ 12345, 8916…`.
      if (!listed) return 'neutral';
      let digits = 0;
      while (index > limit && isNumberCharacter(text, index - 1)) {
        if (isDigitCode(text.charCodeAt(index - 1))) digits++;
        index--;
      }
      if (digits < MIN_LISTED_DIGITS) return 'neutral';
      listed = false;
    } else if (isLetterAt(text, index - 1)) {
      const end = index;
      while (index > limit && isWordCharacter(text, index - 1)) index--;
      const kind = classifyWordBefore(text.slice(index, end));
      if (kind === 'identifier' || kind === 'phone') return kind;
      if (kind === 'list') listed = true;
      else if (kind !== 'filler' || ++words >= MAX_WORDS_BACK) return 'neutral';
    } else {
      return 'neutral';
    }
  }
  return 'neutral';
}

function isNumberCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return isDigitCode(code) || code === 0x2b || joinerClassAt(code) !== 0;
}

/** Letters, and `/` or `-` between letters (`р/с`, `тел/факс`, `трек-номер`). */
function isWordCharacter(text: string, index: number): boolean {
  if (isLetterAt(text, index)) return true;
  const char = text.charAt(index);
  return (
    (char === '/' || char === '-') && isLetterAt(text, index - 1) && isLetterAt(text, index + 1)
  );
}

/** The character before `start` welds the digits to a bigger token (`ID-7916…`, `10:30`, `ab7916…`). */
export function isGluedBefore(text: string, start: number): boolean {
  if (start <= 0) return false;
  const index = start - 1;
  const char = text.charAt(index);
  const code = text.charCodeAt(index);
  if (isDigitCode(code) || isLetterAt(text, index) || GLUE.has(code)) return true;
  if (char === ':') return isDigitAt(text, index - 1);
  if (char === '/') return isLetterAt(text, index - 1);
  if (isDashCode(code)) return isLetterAt(text, index - 1) || isDigitAt(text, index - 1);
  return false;
}

/** The character at `end` welds the digits to a bigger token (`…567abc`, `…567.pdf`, `…567,5`). */
export function isGluedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const char = text.charAt(end);
  const code = text.charCodeAt(end);
  if (isDigitCode(code) || isLetterAt(text, end) || GLUE.has(code)) return true;
  if (char === ':') return isDigitAt(text, end + 1);
  if (char === '.') return isDigitAt(text, end + 1) || isLetterAt(text, end + 1);
  if (char === '/') return isLetterAt(text, end + 1);
  if (isDashCode(code)) return isLetterAt(text, end + 1) || isDigitAt(text, end + 1);
  if (char === ',') return isDecimalFraction(text, end + 1);
  return false;
}

/** `,5` or `,00` after a number: a decimal fraction, unlike `,79161234568` of a list. */
function isDecimalFraction(text: string, from: number): boolean {
  let index = from;
  while (index < text.length && index - from <= 3 && isDigitAt(text, index)) index++;
  const digits = index - from;
  return digits >= 1 && digits <= 3 && !isDigitAt(text, index);
}

/** `… руб.`, `… ₽`, `… кг`, `… шт` right after the number. */
export function hasUnitAfter(text: string, end: number): boolean {
  let index = end;
  while (index < text.length && index - end < 2 && isInlineSpaceCode(text.charCodeAt(index)))
    index++;
  if (isUnitSymbol(text.charAt(index))) return true;
  if (!isLetterAt(text, index)) return false;
  const wordStart = index;
  while (index < text.length && index - wordStart < MAX_UNIT_LENGTH && isLetterAt(text, index)) {
    index++;
  }
  return isUnitWord(text.slice(wordStart, index));
}
