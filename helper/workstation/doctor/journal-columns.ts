import { ENTRY_COLUMNS } from '../../journal/journal-sql';
import { fail, ok, skip } from './check-result';
import type { CheckResult } from './check-result';
import { codeOf, diagnoseQuery } from './database-errors';
import type { DoctorDatabase } from './doctor-database';
import { migrateCommandFor } from './migrate-fix';
import { tr } from '../../core/cli-text';
import './russian';

export const JOURNAL_COLUMNS_CHECK = (): string => tr`journal columns and paging index`;

/** The popup's journal reads one operator's calls newest first along these columns. */
export const PAGES_INDEX_COLUMNS = ['extension', 'started_at', 'call_id'];

/** Names of the indexes of `SHOW INDEX` rows whose leading columns are `columns`, in order. */
export function indexesLeadingWith(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
): string[] {
  const byIndex = new Map<string, string[]>();
  for (const row of rows) {
    const name = String(row.Key_name);
    const at = Number(row.Seq_in_index) - 1;
    const list = byIndex.get(name) ?? [];
    list[at] = String(row.Column_name).toLowerCase();
    byIndex.set(name, list);
  }
  return [...byIndex]
    .filter(([, list]) => columns.every((column, i) => list[i] === column))
    .map(([name]) => name);
}

/**
 * Every column the helper writes to `call_journal` is there (a table changed by hand or
 * a migration applied in part would refuse every entry), and the index the popup's pages
 * and searches read along exists, so a long journal does not turn every page into a scan.
 */
export async function checkJournalColumns(
  writer: DoctorDatabase,
  configFile: string,
): Promise<CheckResult> {
  const fix = tr`run ${migrateCommandFor(configFile)}`;
  let present: Set<string>;
  let indexes: string[];
  try {
    const columns = await writer.query('SHOW COLUMNS FROM call_journal', []);
    present = new Set(columns.rows.map((row) => String(row.Field).toLowerCase()));
    const index = await writer.query('SHOW INDEX FROM call_journal', []);
    indexes = indexesLeadingWith(index.rows, PAGES_INDEX_COLUMNS);
  } catch (error) {
    if (codeOf(error) === 'ER_NO_SUCH_TABLE') {
      return skip(JOURNAL_COLUMNS_CHECK(), tr`needs the call_journal table`);
    }
    const { detail } = diagnoseQuery(error, 'journal');
    return fail(JOURNAL_COLUMNS_CHECK(), tr`cannot read call_journal's columns: ${detail}`, fix);
  }
  const missing = ENTRY_COLUMNS.filter((column) => !present.has(column));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(tr`call_journal has no column ${missing.join(', ')}`);
  if (indexes.length === 0) {
    problems.push(tr`call_journal has no index on (${PAGES_INDEX_COLUMNS.join(', ')})`);
  }
  if (problems.length > 0) return fail(JOURNAL_COLUMNS_CHECK(), problems.join('; '), fix);
  return ok(
    JOURNAL_COLUMNS_CHECK(),
    tr`the ${ENTRY_COLUMNS.length} columns the helper writes are there; pages read along ${indexes.join(', ')}`,
  );
}
