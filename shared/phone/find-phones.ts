import type { CountryCode } from 'libphonenumber-js/core';
import {
  bracketLayout,
  hasNonPhoneShape,
  isSplittable,
  separatorAfter,
  type BracketLayout,
} from './candidate-shape';
import { matchExtension } from './extension-suffix';
import type { DigitParser } from './parse-digits';
import { scanDigitChains, type DigitChain } from './scan-chains';
import {
  hasUnitAfter,
  isGluedAfter,
  isGluedBefore,
  leftContext,
  type LeftContext,
} from './text-context';
import type { FoundPhone } from './types';

export interface FindSettings {
  readonly country: CountryCode;
  /** Digit counts of numbers written without `+` (see nationalDigitCounts). */
  readonly nationalCounts: ReadonlySet<number>;
  readonly parseDigits: DigitParser;
}

/** E.164 allows at most 15 digits. */
const MAX_DIGITS = 15;
const MIN_INTERNATIONAL_DIGITS = 8;
/** Longer unbroken runs without `+` are ids, barcodes and accounts, not phones. */
const MAX_UNBROKEN_DIGITS = 12;
const MAX_GROUPS = 7;

/** A phone, or a labelled id (`Накладная 8 916 …`) whose groups no later phone may reuse. */
interface Hit {
  readonly phone: FoundPhone | null;
  readonly lastGroup: number;
}

/** A run of groups whose digit count, grouping and brackets may be a phone's. */
interface Candidate {
  readonly last: number;
  readonly digits: string;
  readonly layout: BracketLayout;
}

/**
 * Scans the chains of digit groups once and, from each group where a writing
 * may start, takes the longest run of groups that is a phone in context.
 */
export function findPhonesWith(text: string, settings: FindSettings): FoundPhone[] {
  const found: FoundPhone[] = [];
  let consumedUntil = 0;
  for (const chain of scanDigitChains(text)) {
    if (chain.groups[0]!.start < consumedUntil) continue;
    let first = 0;
    while (first < chain.groups.length) {
      const hit = matchFrom(text, chain, first, settings);
      if (hit) {
        if (hit.phone) {
          found.push(hit.phone);
          consumedUntil = hit.phone.end;
        }
        first = hit.lastGroup + 1;
      } else {
        first++;
      }
    }
  }
  return found;
}

/** Runs of groups from `first` that pass the checks needing no context, shortest first. */
function candidatesFrom(
  text: string,
  chain: DigitChain,
  first: number,
  international: boolean,
  nationalCounts: ReadonlySet<number>,
): Candidate[] | null {
  const { groups } = chain;
  let candidates: Candidate[] | null = null;
  let digits = '';
  for (let last = first; last < groups.length && last - first < MAX_GROUPS; last++) {
    const group = groups[last]!;
    digits += text.slice(group.start, group.end);
    if (digits.length > MAX_DIGITS) break;
    if (!international && last === first && digits.length > MAX_UNBROKEN_DIGITS) break;
    const countFits = international
      ? digits.length >= MIN_INTERNATIONAL_DIGITS
      : nationalCounts.has(digits.length);
    if (!countFits) continue;
    if (last + 1 < groups.length && !isSplittable(separatorAfter(text, groups, last))) continue;
    const layout = bracketLayout(text, groups, first, last);
    if (!layout || hasNonPhoneShape(text, groups, first, last, international)) continue;
    (candidates ??= []).push({ last, digits, layout });
  }
  return candidates;
}

function matchFrom(
  text: string,
  chain: DigitChain,
  first: number,
  settings: FindSettings,
): Hit | null {
  const { groups } = chain;
  if (first > 0 && !isSplittable(separatorAfter(text, groups, first - 1))) return null;
  const international = first === 0 && chain.plusAt >= 0;
  const candidates = candidatesFrom(text, chain, first, international, settings.nationalCounts);
  if (!candidates) return null;

  const firstGroup = groups[first]!;
  const longest = candidates[candidates.length - 1]!;
  const contextStart = international ? chain.plusAt : firstGroup.start;
  const left: LeftContext | 'glued' =
    first === 0 && isGluedBefore(text, contextStart) ? 'glued' : leftContext(text, contextStart);
  if (left === 'glued' || left === 'identifier') return { phone: null, lastGroup: longest.last };

  // Longest first: a phone is usually the whole chain, so one parse settles it.
  for (let index = candidates.length - 1; index >= 0; index--) {
    const { last, digits, layout } = candidates[index]!;
    const parsed = settings.parseDigits(digits, international, settings.country);
    if (!parsed) continue;
    const formatted = international || layout.hasAreaBrackets || last - first >= 2;
    if (!parsed.valid && !(formatted && parsed.plausible)) continue;
    // A bare national number belongs to the default country; `7715123456` is an INN, not a KZ mobile.
    if (parsed.bareNational && parsed.country !== settings.country && left !== 'phone') continue;

    const start = international
      ? chain.plusAt
      : layout.opensWithBracket
        ? firstGroup.start - 1
        : firstGroup.start;
    if (layout.opensWithBracket && first === 0 && !international && isGluedBefore(text, start)) {
      continue;
    }
    let end = groups[last]!.end;
    let ext: string | undefined;
    if (last === groups.length - 1) {
      const extension = matchExtension(text, end);
      if (extension) {
        ext = extension.ext;
        end = extension.end;
      }
      if (isGluedAfter(text, end)) continue;
    }
    if (hasUnitAfter(text, end)) continue;

    return {
      lastGroup: last,
      phone: {
        start,
        end,
        text: text.slice(start, end),
        e164: parsed.e164,
        dbKey: parsed.dbKey,
        country: parsed.country,
        ...(ext === undefined ? {} : { ext }),
      },
    };
  }
  return null;
}
