import type { CallView } from '../../shared/protocol';
import type { JournalQuery } from '../core/helper-api';
import { matchesQuery, searchDigits, type JournalReader } from '../core/journal-reader';
import type { JournalEntry } from './entry';
import { entryToView } from './entry-view';
import type { JournalDatabase, SqlValue } from './journal-database';
import { rowToView, VIEW_COLUMNS } from './journal-row';
import { toSqlTime } from './sql-time';

export interface DurableJournalReaderOptions {
  readonly database: JournalDatabase;
  /** The operator's extensions now (they may come from the cabinet user and change). */
  readonly extensions: () => readonly string[];
  /** Entries handed to the journal and not yet in the database. */
  readonly pending: () => readonly JournalEntry[];
  /** Read instead of the database while it cannot answer (the hub's recent calls). */
  readonly fallback?: JournalReader;
  readonly onError?: (error: unknown, context: string) => void;
}

type Page = { entries: CallView[]; hasMore: boolean };

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

function key(call: CallView): string {
  return `${call.callId}|${call.extension}`;
}

/**
 * The popup's journal from the database: the operator's calls, newest first, searchable by
 * the digits of a number in any writing and narrowed to missed calls on request, merged
 * with entries still waiting in the spool so that an outage never hides a call.
 */
export class DurableJournalReader implements JournalReader {
  constructor(private readonly options: DurableJournalReaderOptions) {}

  async query(query: JournalQuery): Promise<Page> {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(query.limit ?? DEFAULT_LIMIT)));
    const extensions = [...this.options.extensions()];
    const pending = this.options
      .pending()
      .map(entryToView)
      .filter((call) => extensions.includes(call.extension) && matchesQuery(call, query));
    let stored: Page;
    try {
      stored = await this.fromDatabase(extensions, query, limit);
    } catch (error) {
      this.options.onError?.(error, 'reading the journal from the database');
      stored = (await this.options.fallback?.query(query)) ?? { entries: [], hasMore: false };
    }
    const merged = new Map<string, CallView>();
    for (const call of stored.entries) merged.set(key(call), call);
    for (const call of pending) merged.set(key(call), call);
    const entries = [...merged.values()].sort((a, b) => b.startedAt - a.startedAt);
    return {
      entries: entries.slice(0, limit),
      hasMore: stored.hasMore || entries.length > limit,
    };
  }

  private async fromDatabase(
    extensions: readonly string[],
    query: JournalQuery,
    limit: number,
  ): Promise<Page> {
    if (extensions.length === 0) return { entries: [], hasMore: false };
    const where = [`extension IN (${extensions.map(() => '?').join(', ')})`];
    const params: SqlValue[] = [...extensions];
    if (query.before !== undefined) {
      where.push('started_at < ?');
      params.push(toSqlTime(query.before));
    }
    if (query.missedOnly) where.push('missed = 1');
    const digits = query.search ? searchDigits(query.search) : '';
    if (digits.length > 0) {
      where.push("COALESCE(remote_db_key, remote_raw) LIKE CONCAT('%', ?, '%')");
      params.push(digits);
    }
    const rows = await this.options.database.query(
      `SELECT ${VIEW_COLUMNS} FROM call_journal WHERE ${where.join(' AND ')} ` +
        `ORDER BY started_at DESC, id DESC LIMIT ${limit + 1}`,
      params,
    );
    const entries = rows.map(rowToView).filter((call): call is CallView => call !== undefined);
    return { entries: entries.slice(0, limit), hasMore: entries.length > limit };
  }
}
