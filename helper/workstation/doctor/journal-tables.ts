import type { Migration } from '../../journal/migration-source';
import { migrationTables } from '../../journal/migration-source';
import { MIGRATIONS_TABLE } from '../../journal/run-migrations';
import { fail, ok } from './check-result';
import type { CheckResult } from './check-result';
import { codeOf, diagnoseQuery } from './database-errors';
import type { DoctorDatabase } from './doctor-database';
import { migrateCommandFor } from './migrate-fix';
import { tr } from '../../core/cli-text';
import './russian';

export const JOURNAL_TABLES_CHECK = (): string => tr`journal tables migrated`;

/** What the migrations this helper carries create. */
export interface JournalSchema {
  tables: string[];
  /** In order; the last is the version the helper expects. */
  versions: string[];
}

export function journalSchemaOf(migrations: readonly Migration[]): JournalSchema {
  return {
    tables: migrationTables(migrations),
    versions: migrations.map((migration) => migration.version),
  };
}

type Applied = { versions: Set<string> } | { unreadable: string };

/**
 * The versions `migrate` recorded. The journal account is granted the journal tables only,
 * so the bookkeeping table is read with the lookup account, which reads the whole database.
 */
async function appliedVersions(reader: DoctorDatabase): Promise<Applied> {
  try {
    const { rows } = await reader.query(`SELECT version FROM ${MIGRATIONS_TABLE}`, []);
    return { versions: new Set(rows.map((row) => String(row.version))) };
  } catch (error) {
    if (codeOf(error) === 'ER_NO_SUCH_TABLE') return { versions: new Set() };
    return { unreadable: diagnoseQuery(error, 'journal').detail };
  }
}

export interface JournalTablesAccounts {
  /** The journal account, which must see every journal table. */
  writer: DoctorDatabase;
  /** The `[database]` account, for the migration bookkeeping. */
  reader: DoctorDatabase;
  writerUser: string;
  readerUser: string;
  database: string;
  configFile: string;
}

function behind(schema: JournalSchema, applied: Set<string>): string {
  const latest = schema.versions.at(-1) ?? '';
  if (applied.size === 0) return tr`no journal migration is recorded in ${MIGRATIONS_TABLE}`;
  const missing = schema.versions.filter((version) => !applied.has(version));
  return tr`migration ${missing.join(', ')} of this helper (up to ${latest}) is not applied`;
}

/** Every table the bundled migrations create is there, and every migration is recorded. */
export async function checkJournalTables(
  accounts: JournalTablesAccounts,
  schema: JournalSchema,
): Promise<CheckResult> {
  const { writer, reader, writerUser, readerUser, database, configFile } = accounts;
  const fix = tr`run ${migrateCommandFor(configFile)}`;
  let visible: Set<string>;
  try {
    const { rows } = await writer.query('SHOW TABLES', []);
    visible = new Set(rows.map((row) => String(Object.values(row)[0] ?? '').toLowerCase()));
  } catch (error) {
    const { detail } = diagnoseQuery(error, 'journal');
    return fail(
      JOURNAL_TABLES_CHECK(),
      tr`cannot list the tables: ${detail}`,
      tr`run doctor again`,
    );
  }
  const missingTables = schema.tables.filter((table) => !visible.has(table.toLowerCase()));
  const applied = await appliedVersions(reader);
  const problems: string[] = [];
  if (missingTables.length > 0) {
    problems.push(tr`"${writerUser}" sees no table ${missingTables.join(', ')} in "${database}"`);
  }
  if ('versions' in applied && schema.versions.some((version) => !applied.versions.has(version))) {
    problems.push(behind(schema, applied.versions));
  }
  if (problems.length > 0) return fail(JOURNAL_TABLES_CHECK(), problems.join('; '), fix);
  const tables = schema.tables.join(', ');
  return ok(
    JOURNAL_TABLES_CHECK(),
    'versions' in applied
      ? tr`${tables} present, migrations up to ${schema.versions.at(-1) ?? ''} applied`
      : tr`${tables} present (which migrations are applied is not readable as "${readerUser}": ${applied.unreadable})`,
  );
}
