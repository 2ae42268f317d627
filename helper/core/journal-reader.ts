import type { CallView } from '../../shared/protocol';
import type { JournalQuery } from './helper-api';

/** Where the popup's journal comes from: memory, or the durable journal. */
export interface JournalReader {
  query(query: JournalQuery): Promise<{ entries: CallView[]; hasMore: boolean }>;
}

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

export function matchesQuery(call: CallView, query: JournalQuery): boolean {
  if (query.before !== undefined && call.startedAt >= query.before) return false;
  if (query.missedOnly && !call.missed) return false;
  if (query.search) {
    const digits = searchDigits(query.search);
    if (digits.length > 0) {
      const haystack = call.remote.dbKey ?? call.remote.raw.replace(/\D/g, '');
      if (!haystack.includes(digits)) return false;
    }
  }
  return true;
}

/** Recent calls kept in memory by the hub, newest first. */
export class MemoryJournal implements JournalReader {
  constructor(private readonly recent: () => CallView[]) {}

  async query(query: JournalQuery): Promise<{ entries: CallView[]; hasMore: boolean }> {
    const limit = query.limit ?? 50;
    const matching = this.recent().filter((call) => matchesQuery(call, query));
    return { entries: matching.slice(0, limit), hasMore: matching.length > limit };
  }
}
