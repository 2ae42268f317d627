import { grantStatements, WRITER_PRIVILEGES, WriterAccountError } from '../../journal/writer-grant';
import { fail, ok } from './check-result';
import type { CheckResult } from './check-result';
import { diagnoseQuery } from './database-errors';
import type { DoctorDatabase } from './doctor-database';
import { parseGrantLine } from './grant-lines';
import type { GrantLine } from './grant-lines';
import { migrateCommandFor } from './migrate-fix';
import { tr } from '../../core/cli-text';
import './russian';

export const JOURNAL_GRANTS_CHECK = (): string => tr`journal account grants`;

/** What `migrate` grants on each journal table: the writer needs all of it, and no more. */
const NEEDED = WRITER_PRIVILEGES.split(',').map((privilege) => privilege.trim());

export interface GrantVerdict {
  /** Journal tables the account lacks a needed privilege on. */
  missing: { table: string; privileges: string[] }[];
  /** Rights beyond the journal tables: `DELETE ON `courier`.`call_journal``. */
  broader: string[];
  account: { user: string; host: string } | undefined;
}

function judgeLine(
  grant: GrantLine,
  database: string,
  journalTables: ReadonlySet<string>,
  granted: Map<string, Set<string>>,
  broader: string[],
): void {
  if (grant.grantOption) broader.push(`GRANT OPTION ON ${grant.object}`);
  if (grant.privileges.length === 0) return;
  const table = grant.table?.toLowerCase();
  const onJournal =
    table !== undefined &&
    journalTables.has(table) &&
    grant.database?.toLowerCase() === database.toLowerCase();
  if (!onJournal) {
    broader.push(`${grant.privileges.join(', ')} ON ${grant.object}`);
    return;
  }
  const extra = grant.privileges.filter((privilege) => !NEEDED.includes(privilege));
  if (extra.length > 0) broader.push(`${extra.join(', ')} ON ${grant.object}`);
  const have = granted.get(table) ?? new Set<string>();
  for (const privilege of grant.privileges) have.add(privilege);
  granted.set(table, have);
}

/** Compares the account's `SHOW GRANTS` lines with what `migrate` grants. */
export function judgeGrants(
  lines: readonly string[],
  database: string,
  tables: readonly string[],
): GrantVerdict {
  const journalTables = new Set(tables.map((table) => table.toLowerCase()));
  const granted = new Map<string, Set<string>>();
  const broader: string[] = [];
  let account: GrantVerdict['account'];
  for (const line of lines) {
    const grant = parseGrantLine(line);
    if (!grant) continue;
    account ??= grant.account;
    judgeLine(grant, database, journalTables, granted, broader);
  }
  const missing = tables
    .map((table) => {
      const have = granted.get(table.toLowerCase()) ?? new Set<string>();
      const all = have.has('ALL PRIVILEGES') || have.has('ALL');
      return { table, privileges: all ? [] : NEEDED.filter((privilege) => !have.has(privilege)) };
    })
    .filter((entry) => entry.privileges.length > 0);
  return { missing, broader, account };
}

function grantFix(
  verdict: GrantVerdict,
  user: string,
  database: string,
  configFile: string,
): string {
  const migrate = tr`run ${migrateCommandFor(configFile)}`;
  try {
    const statements = grantStatements(
      { user, host: verdict.account?.host ?? '%' },
      database,
      verdict.missing.map((entry) => entry.table),
    );
    return tr`${migrate} (it grants them), or on the database server run: ${statements.join('; ')};`;
  } catch (error) {
    if (error instanceof WriterAccountError) return migrate;
    throw error;
  }
}

/**
 * The journal account may SELECT, INSERT and UPDATE the journal tables (the writer and the
 * popup's reader need all three) and nothing else: it is on every workstation.
 */
export async function checkJournalGrants(
  writer: DoctorDatabase,
  account: { user: string; database: string; configFile: string },
  tables: readonly string[],
): Promise<CheckResult> {
  const { user, database, configFile } = account;
  let lines: string[];
  try {
    const { rows } = await writer.query('SHOW GRANTS', []);
    lines = rows.map((row) => String(Object.values(row)[0] ?? ''));
  } catch (error) {
    const { detail } = diagnoseQuery(error, 'journal');
    return fail(
      JOURNAL_GRANTS_CHECK(),
      tr`cannot read the account's grants: ${detail}`,
      tr`run doctor again`,
    );
  }
  const verdict = judgeGrants(lines, database, tables);
  if (verdict.broader.length > 0) {
    const shown = verdict.broader.slice(0, 3).join('; ');
    const more = verdict.broader.length > 3 ? tr` and ${verdict.broader.length - 3} more` : '';
    const name = `'${verdict.account?.user ?? user}'@'${verdict.account?.host ?? '%'}'`;
    return fail(
      JOURNAL_GRANTS_CHECK(),
      tr`"${user}" may do more than write the journal: ${shown}${more}`,
      tr`on the database server run: REVOKE ALL PRIVILEGES, GRANT OPTION FROM ${name}; then run ${migrateCommandFor(configFile)}, which grants ${WRITER_PRIVILEGES} on the journal tables only`,
    );
  }
  if (verdict.missing.length > 0) {
    const lacks = verdict.missing
      .map((entry) => tr`${entry.privileges.join(', ')} on ${entry.table}`)
      .join('; ');
    return fail(
      JOURNAL_GRANTS_CHECK(),
      tr`"${user}" may not ${lacks}`,
      grantFix(verdict, user, database, configFile),
    );
  }
  return ok(
    JOURNAL_GRANTS_CHECK(),
    tr`"${user}" may ${WRITER_PRIVILEGES} ${tables.join(', ')} and nothing else`,
  );
}
