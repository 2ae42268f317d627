import { joinerShape, type DigitGroup } from './scan-chains';

/**
 * Shape rules on a run of digit groups (`groups[first..last]` of one chain):
 * how the digits are grouped tells phones from amounts, dates, IP addresses,
 * СНИЛС and passport numbers before any metadata is consulted.
 */

const OPEN = 0x28;
const CLOSE = 0x29;

function groupLength(groups: readonly DigitGroup[], k: number): number {
  const group = groups[k]!;
  return group.end - group.start;
}

function groupValue(text: string, groups: readonly DigitGroup[], k: number): number {
  const group = groups[k]!;
  return Number(text.slice(group.start, group.end));
}

/** Joiner shape between group k and group k + 1 (see scan-chains). */
export function separatorAfter(text: string, groups: readonly DigitGroup[], k: number): string {
  return joinerShape(text, groups[k]!.end, groups[k + 1]!.start);
}

/** A chain may be cut between two groups only where they are parted by spaces (brackets outside). */
export function isSplittable(separator: string): boolean {
  return separator === 's' || separator === 'ss' || separator === 'cs' || separator === 'so';
}

function isSpaces(separator: string): boolean {
  return separator === 's' || separator === 'ss';
}

export interface BracketLayout {
  /** The candidate starts with the `(` of a bracketed area code. */
  readonly opensWithBracket: boolean;
  /** An area code sits in brackets: a strong sign of a phone writing. */
  readonly hasAreaBrackets: boolean;
}

/**
 * Brackets may wrap the area code (the first or second group, followed by
 * more groups) or the whole number; anything else, such as `12-(34)-56`, is
 * not a phone writing. Returns null for a layout that is not a phone's.
 */
export function bracketLayout(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): BracketLayout | null {
  let bracketed = -1;
  for (let k = first; k <= last; k++) {
    const group = groups[k]!;
    const opens = group.start > 0 && text.charCodeAt(group.start - 1) === OPEN;
    const closes = text.charCodeAt(group.end) === CLOSE;
    if (opens && closes) {
      if (first === last) continue;
      if (bracketed >= 0 || k > first + 1 || k === last) return null;
      bracketed = k;
    } else if (opens) {
      if (k !== first) return null;
    } else if (closes) {
      if (k !== last) return null;
    }
  }
  return { opensWithBracket: bracketed === first, hasAreaBrackets: bracketed >= 0 };
}

/** `1 250 000`: one to three digits, then groups of exactly three parted by spaces. */
function isAmount(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): boolean {
  if (last - first < 2) return false;
  const lead = groupLength(groups, first);
  if (lead > 3) return false;
  for (let k = first + 1; k <= last; k++) {
    if (groupLength(groups, k) !== 3 || !isSpaces(separatorAfter(text, groups, k - 1)))
      return false;
  }
  return true;
}

/** `85.143.22.117`: four dotted groups of up to three digits, each at most 255. */
function isIpAddress(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): boolean {
  if (last - first !== 3) return false;
  for (let k = first; k <= last; k++) {
    if (groupLength(groups, k) > 3 || groupValue(text, groups, k) > 255) return false;
    if (k < last && separatorAfter(text, groups, k) !== 'd') return false;
  }
  return true;
}

function isDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** `30.12.2024`, `1.03.24` or `2024-03-12` anywhere in the run. */
function hasDate(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): boolean {
  for (let k = first; k + 2 <= last; k++) {
    const a = separatorAfter(text, groups, k);
    const b = separatorAfter(text, groups, k + 1);
    const lengths = [
      groupLength(groups, k),
      groupLength(groups, k + 1),
      groupLength(groups, k + 2),
    ];
    if (a === 'd' && b === 'd' && lengths[0]! <= 2 && lengths[1]! <= 2) {
      if (
        (lengths[2] === 2 || lengths[2] === 4) &&
        isDayMonth(groupValue(text, groups, k), groupValue(text, groups, k + 1))
      ) {
        return true;
      }
    }
    if (
      a === b &&
      (a === 'd' || a === 'h') &&
      lengths[0] === 4 &&
      lengths[1] === 2 &&
      lengths[2] === 2
    ) {
      const year = groupValue(text, groups, k);
      const month = groupValue(text, groups, k + 1);
      const day = groupValue(text, groups, k + 2);
      if (year >= 1900 && year <= 2099 && isDayMonth(day, month)) return true;
    }
  }
  return false;
}

/** `55.7512443`: a dot next to a long group is a decimal point (coordinates, sums). */
function hasDecimalPoint(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): boolean {
  for (let k = first; k < last; k++) {
    if (
      separatorAfter(text, groups, k) === 'd' &&
      (groupLength(groups, k) >= 5 || groupLength(groups, k + 1) >= 5)
    ) {
      return true;
    }
  }
  return false;
}

function lengthsAre(
  groups: readonly DigitGroup[],
  first: number,
  last: number,
  lengths: number[],
): boolean {
  if (last - first + 1 !== lengths.length) return false;
  return lengths.every((length, offset) => groupLength(groups, first + offset) === length);
}

/** СНИЛС `123-456-789 01` and passport `45 10 123456` or `4510 123456` (a phone would bracket the code). */
function isPersonalDocument(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): boolean {
  if (lengthsAre(groups, first, last, [3, 3, 3, 2])) {
    return (
      separatorAfter(text, groups, first) === 'h' && separatorAfter(text, groups, first + 1) === 'h'
    );
  }
  if (lengthsAre(groups, first, last, [2, 2, 6])) {
    return (
      isSpaces(separatorAfter(text, groups, first)) &&
      isSpaces(separatorAfter(text, groups, first + 1))
    );
  }
  if (lengthsAre(groups, first, last, [4, 6])) {
    return isSpaces(separatorAfter(text, groups, first));
  }
  return false;
}

/**
 * Grouping a phone writing never has: every group of one or two digits
 * (`12 34 56 78 90`), more than two single digits, or more than six groups.
 */
function isImplausibleGrouping(
  groups: readonly DigitGroup[],
  first: number,
  last: number,
): boolean {
  if (last - first + 1 > 6) return true;
  let longest = 0;
  let singles = 0;
  for (let k = first; k <= last; k++) {
    const length = groupLength(groups, k);
    if (length > longest) longest = length;
    if (length === 1) singles++;
  }
  return longest < 3 || singles > 2;
}

/** True when the grouping says "not a phone", whatever the digits. */
export function hasNonPhoneShape(
  text: string,
  groups: readonly DigitGroup[],
  first: number,
  last: number,
  international: boolean,
): boolean {
  if (first === last) return false;
  if (
    !international &&
    (isAmount(text, groups, first, last) || isImplausibleGrouping(groups, first, last))
  ) {
    return true;
  }
  return (
    isIpAddress(text, groups, first, last) ||
    hasDate(text, groups, first, last) ||
    hasDecimalPoint(text, groups, first, last) ||
    isPersonalDocument(text, groups, first, last)
  );
}
