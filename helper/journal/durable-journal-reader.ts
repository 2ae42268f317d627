import type { CallOutcome, CallView } from '../../shared/protocol';
import type { JournalQuery } from '../core/helper-api';
import {
  DEFAULT_JOURNAL_LIMIT,
  journalOrder,
  matchesQuery,
  parseSearch,
  type JournalPage,
  type JournalReader,
} from '../core/journal-reader';
import { entryKey, type JournalEntry } from './entry';
import { entryToView } from './entry-view';
import type { JournalDatabase } from './journal-database';
import { journalPageQuery } from './journal-page-sql';
import { rowToView } from './journal-row';

export interface DurableJournalReaderOptions {
  readonly database: JournalDatabase;
  /** The operator's extensions now (they may come from the cabinet user and change). */
  readonly extensions: () => readonly string[];
  /** Entries handed to the journal and not yet in the database. */
  readonly pending: () => readonly JournalEntry[];
  /** Outcomes handed to the journal and not yet in the database, by call and extension. */
  readonly pendingOutcomes?: () => ReadonlyMap<string, CallOutcome>;
  /** Read instead of the database while it cannot answer (the hub's recent calls). */
  readonly fallback?: JournalReader;
  readonly onError?: (error: unknown, context: string) => void;
}

const MAX_LIMIT = 200;

/**
 * The popup's journal from the database: the operator's calls, newest first, a page at a
 * time (keyset: each page continues after the last call of the one before), searched by
 * number, name, outcome or note and narrowed to a date range or missed calls on request,
 * merged with what still waits in the spool so that an outage never hides a call or a note.
 */
export class DurableJournalReader implements JournalReader {
  constructor(private readonly options: DurableJournalReaderOptions) {}

  async query(query: JournalQuery): Promise<JournalPage> {
    const limit = Math.min(
      MAX_LIMIT,
      Math.max(1, Math.trunc(query.limit ?? DEFAULT_JOURNAL_LIMIT)),
    );
    const extensions = [...this.options.extensions()];
    const outcomes = this.options.pendingOutcomes?.() ?? new Map<string, CallOutcome>();
    const withOutcome = (call: CallView): CallView => {
      const outcome = outcomes.get(entryKey(call));
      return outcome === undefined ? call : { ...call, outcome };
    };
    const pending = this.options
      .pending()
      .map(entryToView)
      .filter((call) => extensions.includes(call.extension) && matchesQuery(call, query));
    let stored: JournalPage;
    try {
      stored = await this.fromDatabase(extensions, query, limit);
    } catch (error) {
      this.options.onError?.(error, 'reading the journal from the database');
      stored = (await this.options.fallback?.query({ ...query, limit })) ?? {
        entries: [],
        hasMore: false,
      };
    }
    const merged = new Map<string, CallView>();
    for (const call of stored.entries) merged.set(entryKey(call), withOutcome(call));
    for (const call of pending) merged.set(entryKey(call), call);
    const entries = [...merged.values()].sort(journalOrder);
    return {
      entries: entries.slice(0, limit),
      hasMore: stored.hasMore || entries.length > limit,
    };
  }

  private async fromDatabase(
    extensions: readonly string[],
    query: JournalQuery,
    limit: number,
  ): Promise<JournalPage> {
    if (extensions.length === 0) return { entries: [], hasMore: false };
    const { sql, params } = journalPageQuery({
      extensions,
      limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.from !== undefined ? { from: query.from } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
      ...(query.missedOnly ? { missedOnly: true } : {}),
      search: parseSearch(query.search),
    });
    const rows = await this.options.database.query(sql, params);
    const entries = rows.map(rowToView).filter((call): call is CallView => call !== undefined);
    return { entries: entries.slice(0, limit), hasMore: entries.length > limit };
  }
}
