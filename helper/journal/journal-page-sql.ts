import type { JournalCursor } from '../../shared/protocol';
import type { JournalSearch } from '../core/journal-reader';
import type { SqlValue } from './journal-database';
import { VIEW_COLUMNS } from './journal-row';
import { toSqlTime } from './sql-time';

/** One page of the popup's journal, as the database is asked for it. */
export interface JournalPageFilter {
  /** The operator's extensions; at least one. */
  readonly extensions: readonly string[];
  /** Rows to return; one more is asked for, to know whether more follow. */
  readonly limit: number;
  readonly cursor?: JournalCursor;
  readonly from?: number;
  readonly to?: number;
  readonly missedOnly?: boolean;
  readonly search?: JournalSearch;
}

/** `!` escapes LIKE's wildcards whatever the server's SQL mode does with backslashes. */
function containing(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

const TEXT_COLUMNS = ['remote_name', 'outcome_label', 'note', 'outcome_order_number'];

const ORDER = 'ORDER BY started_at DESC, call_id DESC';

/**
 * One extension's calls, read backwards along `ix_call_journal_pages (extension,
 * started_at, call_id)`: keyset paging, so a page deep in a long journal costs what the
 * first one does, and the search narrows what is read rather than what is sorted.
 */
function extensionPage(
  extension: string,
  filter: JournalPageFilter,
): { sql: string; params: SqlValue[] } {
  const where = ['extension = ?'];
  const params: SqlValue[] = [extension];
  if (filter.from !== undefined) {
    where.push('started_at >= ?');
    params.push(toSqlTime(filter.from));
  }
  if (filter.to !== undefined) {
    where.push('started_at < ?');
    params.push(toSqlTime(filter.to));
  }
  const { cursor } = filter;
  if (cursor !== undefined) {
    // Within one start time and call the order goes on by extension, descending.
    const sameCall = extension < cursor.extension ? '<=' : '<';
    where.push(`(started_at < ? OR (started_at = ? AND call_id ${sameCall} ?))`);
    const at = toSqlTime(cursor.startedAt);
    params.push(at, at, cursor.callId);
  }
  if (filter.missedOnly) where.push('missed = 1');
  const { search } = filter;
  if (search?.kind === 'number' && search.digits.length > 0) {
    where.push("COALESCE(remote_db_key, remote_raw) LIKE CONCAT('%', ?, '%')");
    params.push(search.digits);
  } else if (search?.kind === 'text') {
    where.push(`(${TEXT_COLUMNS.map((column) => `${column} LIKE ? ESCAPE '!'`).join(' OR ')})`);
    params.push(...TEXT_COLUMNS.map(() => containing(search.text)));
  }
  return {
    sql: `SELECT ${VIEW_COLUMNS} FROM call_journal WHERE ${where.join(' AND ')} ${ORDER} LIMIT ${filter.limit + 1}`,
    params,
  };
}

/**
 * The statement of one page: per extension a keyset read of the pages index, merged in the
 * journal's order (start time, call id, extension, newest first). Every value is bound.
 */
export function journalPageQuery(filter: JournalPageFilter): { sql: string; params: SqlValue[] } {
  const parts = filter.extensions.map((extension) => extensionPage(extension, filter));
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return only;
  return {
    sql:
      parts.map((part) => `(${part.sql})`).join(' UNION ALL ') +
      ` ${ORDER}, extension DESC LIMIT ${filter.limit + 1}`,
    params: parts.flatMap((part) => part.params),
  };
}
