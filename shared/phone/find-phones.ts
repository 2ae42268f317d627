import type { CountryCode } from 'libphonenumber-js/core';
import {
  bracketLayout,
  hasNonPhoneShape,
  HAS_AREA_BRACKETS,
  isSplittable,
  NOT_A_PHONE_LAYOUT,
  OPENS_WITH_BRACKET,
} from './candidate-shape';
import { isDigitCode } from './char-classes';
import { matchExtension } from './extension-suffix';
import type { DigitParser } from './parse-digits';
import { DigitChain, readChain } from './scan-chains';
import { hasUnitAfter, isGluedAfter, isGluedBefore, leftContext } from './text-context';
import type { FoundPhone } from './types';

export interface FindSettings {
  readonly country: CountryCode;
  /** Bit n is set when a number written without `+` may have n digits (see nationalDigitCounts). */
  readonly nationalCounts: number;
  readonly parseDigits: DigitParser;
  /**
   * Calling codes of countries whose numbers are taken only when written with `+`
   * (see CIS_COUNTRIES), as numbers: a calling code never starts with 0.
   */
  readonly plusOnlyCallingCodes: ReadonlySet<number>;
}

/** E.164 allows at most 15 digits. */
const MAX_DIGITS = 15;
const MIN_INTERNATIONAL_DIGITS = 8;
/** Longer unbroken runs without `+` are ids, barcodes and accounts, not phones. */
const MAX_UNBROKEN_DIGITS = 12;
const MAX_GROUPS = 7;
const MAX_CALLING_CODE_LENGTH = 3;
const NO_MATCH = -1;

/**
 * Runs of groups that pass the checks needing no context, shortest first:
 * their last group, bracket layout and digit count. At most MAX_GROUPS of them.
 */
class Candidates {
  count = 0;
  readonly last = new Int32Array(MAX_GROUPS);
  readonly layout = new Int32Array(MAX_GROUPS);
  readonly digits = new Int32Array(MAX_GROUPS);
}

/** Reused from search to search: a search runs to its end without yielding. */
let sharedChain = new DigitChain();
const candidates = new Candidates();

/**
 * Scans the text once, chain of digit groups by chain, and from each group
 * where a writing may start takes the longest run of groups that is a phone
 * in context. Nothing is allocated for text that holds no phone but the chain
 * buffers and the digits of runs whose count fits.
 */
export function findPhonesWith(text: string, settings: FindSettings): FoundPhone[] {
  const found: FoundPhone[] = [];
  const chain = sharedChain;
  const length = text.length;
  let consumedUntil = 0;
  let index = 0;
  while (index < length) {
    if (!isDigitCode(text.charCodeAt(index))) {
      index++;
      continue;
    }
    const chainStart = index;
    index = readChain(text, index, chain);
    if (chainStart < consumedUntil) continue;
    let first = 0;
    while (first < chain.count) {
      const before = found.length;
      const last = matchFrom(chain, first, settings, found);
      if (last === NO_MATCH) {
        first++;
        continue;
      }
      if (found.length > before) consumedUntil = found[before]!.end;
      first = last + 1;
    }
  }
  chain.text = '';
  if (!chain.isCompact) sharedChain = new DigitChain();
  return found;
}

/** Fills `candidates` with the runs from `first`; returns their number. */
function collectCandidates(
  chain: DigitChain,
  first: number,
  international: boolean,
  nationalCounts: number,
): number {
  let count = 0;
  let digits = 0;
  for (let last = first; last < chain.count && last - first < MAX_GROUPS; last++) {
    digits += chain.length(last);
    if (digits > MAX_DIGITS) break;
    if (!international && last === first && digits > MAX_UNBROKEN_DIGITS) break;
    const countFits = international
      ? digits >= MIN_INTERNATIONAL_DIGITS
      : ((nationalCounts >>> digits) & 1) === 1;
    if (!countFits) continue;
    if (last + 1 < chain.count && !isSplittable(chain.joiners[last]!)) continue;
    const layout = bracketLayout(chain, first, last);
    if (layout === NOT_A_PHONE_LAYOUT || hasNonPhoneShape(chain, first, last, international)) {
      continue;
    }
    candidates.last[count] = last;
    candidates.layout[count] = layout;
    candidates.digits[count] = digits;
    count++;
  }
  candidates.count = count;
  return count;
}

/**
 * `998 90 123 45 67`: a number of a `+`-only country written without its `+`
 * (group `first` is its calling code, and the groups from there, read after a
 * `+`, make a valid number of it). Its leading groups may also read as a
 * national number (`998 901-23-45` is a Russian mobile range), so neither
 * reading is safe: returns the last group of the longest such run, or NO_MATCH.
 */
function lastOfNumberMissingPlus(chain: DigitChain, first: number, settings: FindSettings): number {
  const codeLength = chain.length(first);
  if (
    codeLength > MAX_CALLING_CODE_LENGTH ||
    chain.text.charCodeAt(chain.starts[first]!) === 0x30
  ) {
    return NO_MATCH;
  }
  const callingCode = chain.value(first);
  if (!settings.plusOnlyCallingCodes.has(callingCode)) return NO_MATCH;
  const prefix = `+${callingCode}`;
  let foreignLast = NO_MATCH;
  let digits = 0;
  for (let last = first; last < chain.count && last - first < MAX_GROUPS; last++) {
    digits += chain.length(last);
    if (digits > MAX_DIGITS) break;
    if (digits < MIN_INTERNATIONAL_DIGITS) continue;
    const parsed = settings.parseDigits(chain.digits(first, last), true, settings.country);
    if (parsed?.valid && parsed.e164.startsWith(prefix)) foreignLast = last;
  }
  return foreignLast;
}

/**
 * Tries writings starting at group `first`. Pushes a phone found there; returns
 * the last group it covers (or, for a labelled id such as `Накладная 8 916 …`,
 * the last group no later phone may reuse), or NO_MATCH.
 */
function matchFrom(
  chain: DigitChain,
  first: number,
  settings: FindSettings,
  found: FoundPhone[],
): number {
  const { text, starts, ends } = chain;
  if (first > 0 && !isSplittable(chain.joiners[first - 1]!)) return NO_MATCH;
  const international = first === 0 && chain.plusAt >= 0;
  const count = collectCandidates(chain, first, international, settings.nationalCounts);
  if (count === 0) return NO_MATCH;

  if (!international) {
    const foreignLast = lastOfNumberMissingPlus(chain, first, settings);
    if (foreignLast !== NO_MATCH) return foreignLast;
  }

  const firstStart = starts[first]!;
  const longest = candidates.last[count - 1]!;
  const contextStart = international ? chain.plusAt : firstStart;
  if (first === 0 && isGluedBefore(text, contextStart)) return longest;
  const left = leftContext(text, contextStart);
  if (left === 'identifier') return longest;

  // Longest first: a phone is usually the whole chain, so one parse settles it.
  // Shorter runs are prefixes of the longest one's digits.
  const allDigits = chain.digits(first, longest);
  for (let index = count - 1; index >= 0; index--) {
    const last = candidates.last[index]!;
    const layout = candidates.layout[index]!;
    const digitCount = candidates.digits[index]!;
    const digits = digitCount === allDigits.length ? allDigits : allDigits.slice(0, digitCount);
    const parsed = settings.parseDigits(digits, international, settings.country);
    if (!parsed) continue;
    const formatted = international || (layout & HAS_AREA_BRACKETS) !== 0 || last - first >= 2;
    if (!parsed.valid && !(formatted && parsed.plausible)) continue;
    // A bare national number belongs to the default country; `7715123456` is an INN, not a KZ mobile.
    if (parsed.bareNational && parsed.country !== settings.country && left !== 'phone') continue;

    const opensWithBracket = (layout & OPENS_WITH_BRACKET) !== 0;
    const start = international ? chain.plusAt : opensWithBracket ? firstStart - 1 : firstStart;
    if (opensWithBracket && first === 0 && !international && isGluedBefore(text, start)) {
      continue;
    }
    let end = ends[last]!;
    let ext: string | undefined;
    if (last === chain.count - 1) {
      const extension = matchExtension(text, end);
      if (extension) {
        ext = extension.ext;
        end = extension.end;
      }
      if (isGluedAfter(text, end)) continue;
    }
    if (hasUnitAfter(text, end)) continue;

    const phone: FoundPhone = {
      start,
      end,
      text: text.slice(start, end),
      e164: parsed.e164,
      dbKey: parsed.dbKey,
      country: parsed.country,
    };
    if (ext !== undefined) phone.ext = ext;
    found.push(phone);
    return last;
  }
  return NO_MATCH;
}
