import type { CallView, JournalCursor } from '../../shared/protocol';
import type { JournalQuery } from './helper-api';
import { partyNames } from './party-names';

export interface JournalPage {
  entries: CallView[];
  hasMore: boolean;
}

/** Where the popup's journal comes from: memory, or the durable journal. */
export interface JournalReader {
  query(query: JournalQuery): Promise<JournalPage>;
}

type JournalKey = Pick<CallView, 'startedAt' | 'callId' | 'extension'>;

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The journal's order, newest first: start time, then call id, then extension, each
 * descending. It is total, so a page that ends on a key continues exactly after it.
 */
export function journalOrder(a: JournalKey, b: JournalKey): number {
  return (
    b.startedAt - a.startedAt ||
    compareText(b.callId, a.callId) ||
    compareText(b.extension, a.extension)
  );
}

/** Whether a call comes after the cursor (on a later page) in {@link journalOrder}. */
export function isAfterCursor(call: JournalKey, cursor: JournalCursor): boolean {
  return journalOrder(cursor, call) < 0;
}

/** The cursor of the page that ends on this call. */
export function cursorOf(call: JournalKey): JournalCursor {
  return { startedAt: call.startedAt, callId: call.callId, extension: call.extension };
}

/** What a search asks for: the digits of a number, or a piece of text. */
export type JournalSearch =
  { kind: 'number'; digits: string } | { kind: 'text'; text: string } | undefined;

/** Written like a phone number: digits with spaces, brackets, dashes, dots or a plus. */
const NUMBER_LIKE = /^[\d\s+()./-]*\d[\d\s+()./-]*$/;

/**
 * Digits of a search in any writing, for a substring match against the stored
 * `79161234567` form: operators type Russian and Kazakh numbers with the `8`
 * trunk prefix, which the journal keeps as the country code `7`.
 */
export function searchDigits(search: string): string {
  const digits = search.replace(/\D/g, '');
  if (digits.length >= 4 && digits.length <= 11 && digits.startsWith('8')) {
    return `7${digits.slice(1)}`;
  }
  return digits;
}

/** A number-like search looks for a number; anything else for a name, outcome, note or order. */
export function parseSearch(search: string | undefined): JournalSearch {
  const trimmed = search?.trim() ?? '';
  if (trimmed === '') return undefined;
  if (NUMBER_LIKE.test(trimmed)) return { kind: 'number', digits: searchDigits(trimmed) };
  return { kind: 'text', text: trimmed };
}

/** Case-insensitive, and `ё` as `е`, like the journal table's collation. */
export function foldText(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}

/** The texts a text search looks in, as the journal table has them. */
function searchedTexts(call: CallView): string[] {
  const outcome = call.outcome;
  return [
    partyNames(call.identity).join(', '),
    outcome?.label ?? '',
    outcome?.note ?? '',
    outcome?.order?.number ?? '',
  ];
}

function matchesSearch(call: CallView, search: JournalSearch): boolean {
  if (search === undefined) return true;
  if (search.kind === 'number') {
    const haystack = call.remote.dbKey ?? call.remote.raw.replace(/\D/g, '');
    return haystack.includes(search.digits);
  }
  const needle = foldText(search.text);
  return searchedTexts(call).some((text) => foldText(text).includes(needle));
}

export function matchesQuery(call: CallView, query: JournalQuery): boolean {
  if (query.cursor !== undefined && !isAfterCursor(call, query.cursor)) return false;
  if (query.from !== undefined && call.startedAt < query.from) return false;
  if (query.to !== undefined && call.startedAt >= query.to) return false;
  if (query.missedOnly && !call.missed) return false;
  return matchesSearch(call, parseSearch(query.search));
}

export const DEFAULT_JOURNAL_LIMIT = 50;

/** The page of `calls` a query asks for, in the journal's order. */
export function pageOf(calls: readonly CallView[], query: JournalQuery): JournalPage {
  const limit = query.limit ?? DEFAULT_JOURNAL_LIMIT;
  const matching = calls.filter((call) => matchesQuery(call, query)).sort(journalOrder);
  return { entries: matching.slice(0, limit), hasMore: matching.length > limit };
}

/** Recent calls kept in memory by the hub. */
export class MemoryJournal implements JournalReader {
  constructor(private readonly recent: () => CallView[]) {}

  async query(query: JournalQuery): Promise<JournalPage> {
    return pageOf(this.recent(), query);
  }
}
