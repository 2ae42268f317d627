import type { AdminConnection } from './admin-connection';
import type { Migration, MigrationSource } from './migration-source';
import { splitStatements } from './split-statements';

/** Named so it cannot collide with the office system's own migration bookkeeping. */
export const MIGRATIONS_TABLE = 'telephony_schema_migrations';

const CREATE_MIGRATIONS_TABLE =
  `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (` +
  'version VARCHAR(16) NOT NULL, name VARCHAR(128) NOT NULL, checksum CHAR(64) NOT NULL, ' +
  'applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (version)' +
  ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ' +
  "COMMENT='schema migrations of the telephony helper (helper migrate)'";

const LOCK_NAME = 'courier_telephony_migrate';

/**
 * Errors that say a statement's change is there already: a column or an index it adds
 * exists (1060, 1061), or one it drops is gone (1091). MySQL has no `ADD COLUMN IF NOT
 * EXISTS`, so a migration cut short after such a statement is finished by skipping it.
 */
const ALREADY_DONE = new Set([1060, 1061, 1091]);

function alreadyDone(error: unknown): boolean {
  const errno = (error as { errno?: unknown } | undefined)?.errno;
  return typeof errno === 'number' && ALREADY_DONE.has(errno);
}

async function runStatement(connection: AdminConnection, statement: string): Promise<void> {
  try {
    await connection.run(statement);
  } catch (error) {
    if (!alreadyDone(error)) throw error;
  }
}
const LOCK_WAIT_SECONDS = 30;

export interface MigrationReport {
  /** Every migration the source holds, applied now or before. */
  readonly all: readonly Migration[];
  readonly applied: readonly Migration[];
  readonly alreadyApplied: readonly Migration[];
  /** Applied earlier from a text that has changed since; never re-applied. */
  readonly changed: readonly Migration[];
}

/** Another `migrate` holds the lock for longer than we wait. */
export class MigrationLockedError extends Error {
  override readonly name = 'MigrationLockedError';

  constructor() {
    super(
      `Another "helper migrate" is running against this database (lock ${LOCK_NAME}); ` +
        'wait for it to finish and run migrate again.',
    );
  }
}

/**
 * Applies the migrations not yet recorded in {@link MIGRATIONS_TABLE}, in version order,
 * under a named lock so two administrators cannot run them at once. The statements are
 * idempotent themselves (IF NOT EXISTS, or a change found already made), so a run cut short
 * is finished by the next one.
 */
export async function runMigrations(
  connection: AdminConnection,
  source: MigrationSource,
  onApplied: (migration: Migration) => void = () => undefined,
): Promise<MigrationReport> {
  const [lock] = await connection.run('SELECT GET_LOCK(?, ?) AS locked', [
    LOCK_NAME,
    LOCK_WAIT_SECONDS,
  ]);
  if (Number(lock?.locked) !== 1) throw new MigrationLockedError();
  try {
    await connection.run(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.run(`SELECT version, checksum FROM ${MIGRATIONS_TABLE}`);
    const done = new Map(rows.map((row) => [String(row.version), String(row.checksum)]));
    const applied: Migration[] = [];
    const alreadyApplied: Migration[] = [];
    const changed: Migration[] = [];
    const all = await source.list();
    for (const migration of all) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        alreadyApplied.push(migration);
        if (checksum !== migration.checksum) changed.push(migration);
        continue;
      }
      for (const statement of splitStatements(migration.sql)) {
        await runStatement(connection, statement);
      }
      await connection.run(
        `INSERT INTO ${MIGRATIONS_TABLE} (version, name, checksum) VALUES (?, ?, ?)`,
        [migration.version, migration.name, migration.checksum],
      );
      applied.push(migration);
      onApplied(migration);
    }
    return { all, applied, alreadyApplied, changed };
  } finally {
    await connection.run('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
  }
}
