import type { HelperConfig } from '../../config/types';
import { availableMigrations } from '../../journal/available-migrations';
import type { Migration, MigrationSource } from '../../journal/migration-source';
import { journalSpoolDir as spoolDirOf } from '../../journal/spool-dir';
import { tr } from '../../core/cli-text';
import { fail, NO_PROGRESS, ok, skip } from './check-result';
import type { CheckProgress, CheckResult } from './check-result';
import type { DoctorDatabase, DoctorDatabaseFactory } from './doctor-database';
import { openDoctorDatabase } from './doctor-database';
import { diagnoseJournalConnection } from './journal-connection-errors';
import { checkJournalColumns, JOURNAL_COLUMNS_CHECK } from './journal-columns';
import { checkJournalGrants, JOURNAL_GRANTS_CHECK } from './journal-grants';
import { checkJournalTables, JOURNAL_TABLES_CHECK, journalSchemaOf } from './journal-tables';
import { checkSpoolDir, SPOOL_CHECK } from './spool-check';
import './russian';

export const JOURNAL_CONNECT_CHECK = (): string => tr`journal account connects`;

type JournalCheckConfig = Pick<HelperConfig, 'database' | 'journal' | 'paths'>;

export interface JournalCheckSeams {
  /** Opens both accounts: the journal's and `[database]`'s. */
  database?: DoctorDatabaseFactory;
  /** The migrations this helper carries; the bundled or source-tree ones by default. */
  migrations?: MigrationSource;
}

/** Where the journal spools, as the helper resolves it: `journal` beside the config file. */
export function journalSpoolDir(config: Pick<HelperConfig, 'journal' | 'paths'>): string {
  return spoolDirOf(config.journal.spoolDir, config.paths.stateDir);
}

async function schemaChecks(
  writer: DoctorDatabase,
  config: JournalCheckConfig,
  seams: JournalCheckSeams,
  factory: DoctorDatabaseFactory,
  progress: CheckProgress,
): Promise<CheckResult[]> {
  const configFile = config.paths.file ?? 'helper.toml';
  let migrations: Migration[];
  try {
    migrations = await (seams.migrations ?? (await availableMigrations())).list();
  } catch (error) {
    return [
      fail(
        JOURNAL_TABLES_CHECK(),
        tr`cannot read the migrations this helper carries: ${(error as Error).message}`,
        tr`reinstall the helper from a complete release`,
      ),
      skip(JOURNAL_COLUMNS_CHECK(), tr`needs the list of journal tables`),
      skip(JOURNAL_GRANTS_CHECK(), tr`needs the list of journal tables`),
    ];
  }
  const schema = journalSchemaOf(migrations);
  const reader = factory(config.database);
  try {
    progress.start(JOURNAL_TABLES_CHECK());
    const tables = progress.end(
      await checkJournalTables(
        {
          writer,
          reader,
          writerUser: config.journal.user,
          readerUser: config.database.user,
          database: config.database.database,
          configFile,
        },
        schema,
      ),
    );
    progress.start(JOURNAL_COLUMNS_CHECK());
    const columns = progress.end(await checkJournalColumns(writer, configFile));
    progress.start(JOURNAL_GRANTS_CHECK());
    const grants = await checkJournalGrants(
      writer,
      { user: config.journal.user, database: config.database.database, configFile },
      schema.tables,
    );
    return [tables, columns, grants];
  } finally {
    await reader.close().catch(() => undefined);
  }
}

/**
 * With `journal.enabled`: the journal account logs in, the journal tables are at this
 * helper's migration, the account may write them and nothing else, and the spool folder is
 * writable. The server and database are `[database]`'s; the account is `[journal]`'s.
 */
export async function checkJournal(
  config: JournalCheckConfig,
  seams: JournalCheckSeams = {},
  progress: CheckProgress = NO_PROGRESS,
): Promise<CheckResult[]> {
  if (!config.journal.enabled) {
    return [
      skip(
        tr`journal checks`,
        tr`journal.enabled is false, so calls are not written to the database`,
      ),
    ];
  }
  const factory = seams.database ?? openDoctorDatabase;
  const db = config.database;
  const results: CheckResult[] = [];
  const writer = factory({ ...db, user: config.journal.user, password: config.journal.password });
  try {
    progress.start(JOURNAL_CONNECT_CHECK());
    let refused: { error: unknown } | undefined;
    try {
      await writer.query('SELECT 1', []);
    } catch (error) {
      refused = { error };
    }
    if (refused === undefined) {
      results.push(
        progress.end(
          ok(
            JOURNAL_CONNECT_CHECK(),
            tr`logged in to ${db.host}:${db.port}/${db.database} as "${config.journal.user}"`,
          ),
        ),
        ...(await schemaChecks(writer, config, seams, factory, progress)),
      );
    } else {
      const { detail, fix } = diagnoseJournalConnection(
        refused.error,
        db,
        config.journal,
        config.paths.file ?? 'helper.toml',
      );
      results.push(
        fail(JOURNAL_CONNECT_CHECK(), detail, fix),
        skip(JOURNAL_TABLES_CHECK(), tr`needs the journal account`),
        skip(JOURNAL_COLUMNS_CHECK(), tr`needs the journal account`),
        skip(JOURNAL_GRANTS_CHECK(), tr`needs the journal account`),
      );
    }
  } finally {
    await writer.close().catch(() => undefined);
  }
  progress.start(SPOOL_CHECK());
  results.push(await checkSpoolDir(journalSpoolDir(config)));
  return results;
}
