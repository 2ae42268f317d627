import {
  CLOSE_SPACE,
  DOT_JOIN,
  HYPHEN,
  SPACE,
  SPACE_OPEN,
  SPACE_SPACE,
  type DigitChain,
} from './scan-chains';

/**
 * Shape rules on a run of digit groups (groups first..last of one chain):
 * how the digits are grouped tells phones from amounts, dates, IP addresses,
 * СНИЛС and passport numbers before any metadata is consulted.
 */

const OPEN = 0x28;
const CLOSE = 0x29;

/** A chain may be cut between two groups only where they are parted by spaces (brackets outside). */
export function isSplittable(joiner: number): boolean {
  return (
    joiner === SPACE || joiner === SPACE_SPACE || joiner === CLOSE_SPACE || joiner === SPACE_OPEN
  );
}

function isSpaces(joiner: number): boolean {
  return joiner === SPACE || joiner === SPACE_SPACE;
}

/** The candidate starts with the `(` of a bracketed area code. */
export const OPENS_WITH_BRACKET = 1;
/** An area code sits in brackets: a strong sign of a phone writing. */
export const HAS_AREA_BRACKETS = 2;
/** A bracket layout no phone writing has. */
export const NOT_A_PHONE_LAYOUT = -1;

/**
 * Brackets may wrap the area code (the first or second group, followed by
 * more groups) or the whole number; anything else, such as `12-(34)-56`, is
 * not a phone writing. Returns OPENS_WITH_BRACKET and HAS_AREA_BRACKETS bits,
 * or NOT_A_PHONE_LAYOUT.
 */
export function bracketLayout(chain: DigitChain, first: number, last: number): number {
  const { text, starts, ends } = chain;
  let bracketed = -1;
  for (let k = first; k <= last; k++) {
    const start = starts[k]!;
    const opens = start > 0 && text.charCodeAt(start - 1) === OPEN;
    const closes = text.charCodeAt(ends[k]!) === CLOSE;
    if (opens && closes) {
      if (first === last) continue;
      if (bracketed >= 0 || k > first + 1 || k === last) return NOT_A_PHONE_LAYOUT;
      bracketed = k;
    } else if (opens) {
      if (k !== first) return NOT_A_PHONE_LAYOUT;
    } else if (closes) {
      if (k !== last) return NOT_A_PHONE_LAYOUT;
    }
  }
  if (bracketed < 0) return 0;
  return bracketed === first ? OPENS_WITH_BRACKET | HAS_AREA_BRACKETS : HAS_AREA_BRACKETS;
}

/** `1 250 000`: one to three digits, then groups of exactly three parted by spaces. */
function isAmount(chain: DigitChain, first: number, last: number): boolean {
  if (last - first < 2 || chain.length(first) > 3) return false;
  for (let k = first + 1; k <= last; k++) {
    if (chain.length(k) !== 3 || !isSpaces(chain.joiners[k - 1]!)) return false;
  }
  return true;
}

/** `85.143.22.117`: four dotted groups of up to three digits, each at most 255. */
function isIpAddress(chain: DigitChain, first: number, last: number): boolean {
  if (last - first !== 3) return false;
  for (let k = first; k <= last; k++) {
    if (chain.length(k) > 3 || chain.value(k) > 255) return false;
    if (k < last && chain.joiners[k] !== DOT_JOIN) return false;
  }
  return true;
}

function isDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** `30.12.2024`, `1.03.24` or `2024-03-12` anywhere in the run. */
function hasDate(chain: DigitChain, first: number, last: number): boolean {
  for (let k = first; k + 2 <= last; k++) {
    const a = chain.joiners[k]!;
    const b = chain.joiners[k + 1]!;
    const day = chain.length(k);
    const month = chain.length(k + 1);
    const year = chain.length(k + 2);
    if (
      a === DOT_JOIN &&
      b === DOT_JOIN &&
      day <= 2 &&
      month <= 2 &&
      (year === 2 || year === 4) &&
      isDayMonth(chain.value(k), chain.value(k + 1))
    ) {
      return true;
    }
    if (a === b && (a === DOT_JOIN || a === HYPHEN) && day === 4 && month === 2 && year === 2) {
      const yearValue = chain.value(k);
      if (
        yearValue >= 1900 &&
        yearValue <= 2099 &&
        isDayMonth(chain.value(k + 2), chain.value(k + 1))
      ) {
        return true;
      }
    }
  }
  return false;
}

/** `55.7512443`: a dot next to a long group is a decimal point (coordinates, sums). */
function hasDecimalPoint(chain: DigitChain, first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    if (chain.joiners[k] === DOT_JOIN && (chain.length(k) >= 5 || chain.length(k + 1) >= 5)) {
      return true;
    }
  }
  return false;
}

/** СНИЛС `123-456-789 01` and passport `45 10 123456` or `4510 123456` (a phone would bracket the code). */
function isPersonalDocument(chain: DigitChain, first: number, last: number): boolean {
  const groups = last - first + 1;
  const joiners = chain.joiners;
  if (groups === 4) {
    return (
      chain.length(first) === 3 &&
      chain.length(first + 1) === 3 &&
      chain.length(first + 2) === 3 &&
      chain.length(first + 3) === 2 &&
      joiners[first] === HYPHEN &&
      joiners[first + 1] === HYPHEN
    );
  }
  if (groups === 3) {
    return (
      chain.length(first) === 2 &&
      chain.length(first + 1) === 2 &&
      chain.length(first + 2) === 6 &&
      isSpaces(joiners[first]!) &&
      isSpaces(joiners[first + 1]!)
    );
  }
  if (groups === 2) {
    return chain.length(first) === 4 && chain.length(first + 1) === 6 && isSpaces(joiners[first]!);
  }
  return false;
}

/**
 * Grouping a phone writing never has: every group of one or two digits
 * (`12 34 56 78 90`), more than two single digits, or more than six groups.
 */
function isImplausibleGrouping(chain: DigitChain, first: number, last: number): boolean {
  if (last - first + 1 > 6) return true;
  let longest = 0;
  let singles = 0;
  for (let k = first; k <= last; k++) {
    const length = chain.length(k);
    if (length > longest) longest = length;
    if (length === 1) singles++;
  }
  return longest < 3 || singles > 2;
}

/** True when the grouping says "not a phone", whatever the digits. */
export function hasNonPhoneShape(
  chain: DigitChain,
  first: number,
  last: number,
  international: boolean,
): boolean {
  if (first === last) return false;
  if (
    !international &&
    (isAmount(chain, first, last) || isImplausibleGrouping(chain, first, last))
  ) {
    return true;
  }
  return (
    isIpAddress(chain, first, last) ||
    hasDate(chain, first, last) ||
    hasDecimalPoint(chain, first, last) ||
    isPersonalDocument(chain, first, last)
  );
}
