import { connectMysqlAdmin, type AdminConnection, type ConnectAdmin } from './admin-connection';
import { directoryMigrations, migrationTables, type MigrationSource } from './migration-source';
import { runMigrations } from './run-migrations';
import {
  createUserForPrinting,
  createUserStatement,
  grantStatements,
  type WriterAccount,
} from './writer-grant';
import { tr } from '../core/cli-text';
import './russian';

export interface MigrateCommandOptions {
  /** Server and database: the helper configuration's `[database]` section. */
  readonly database: { readonly host: string; readonly port: number; readonly database: string };
  /** The administrator account that may create tables (and, ideally, grant). */
  readonly admin: { readonly user: string; readonly password: string };
  /**
   * The helper's journal account (`journal.user`, `journal.password`): created when
   * missing and granted INSERT, SELECT and UPDATE on the tables the migrations create only.
   */
  readonly writer?: { readonly user: string; readonly password: string; readonly host?: string };
  readonly print: (line: string) => void;
  readonly migrations?: MigrationSource;
  readonly connect?: ConnectAdmin;
}

/** Environment variables of `migrate`; the password is never taken from the command line. */
export const MIGRATE_ENV = {
  adminUser: 'COURIER_MIGRATE_ADMIN_USER',
  adminPassword: 'COURIER_MIGRATE_ADMIN_PASSWORD',
} as const;

/** The administrator account from `--admin-user` or the environment (root by default). */
export function migrateAdminFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  adminUser?: string,
): { user: string; password: string } {
  return {
    user: adminUser || env[MIGRATE_ENV.adminUser] || 'root',
    password: env[MIGRATE_ENV.adminPassword] ?? '',
  };
}

const DENIED = new Set([1044, 1045, 1142, 1227, 1410]);

function errnoOf(error: unknown): number | undefined {
  const errno = (error as { errno?: unknown } | undefined)?.errno;
  return typeof errno === 'number' ? errno : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function connectProblem(options: MigrateCommandOptions, error: unknown): string {
  const { host, port } = options.database;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'ENOTFOUND') {
    return tr`Cannot reach the database at ${host}:${port} (${String(code)}): check database.host and database.port in the helper configuration, and that the server is running.`;
  }
  if (errnoOf(error) === 1045) {
    return tr`The database refused the administrator "${options.admin.user}": pass --admin-user and set ${MIGRATE_ENV.adminPassword} to an account that may create tables in ${options.database.database}.`;
  }
  return tr`Cannot connect to the database as "${options.admin.user}": ${describe(error)}`;
}

async function grantWriter(
  connection: AdminConnection,
  options: MigrateCommandOptions,
  writer: NonNullable<MigrateCommandOptions['writer']>,
  tables: readonly string[],
): Promise<boolean> {
  const { print } = options;
  const database = options.database.database;
  const account: WriterAccount = { user: writer.user, host: writer.host ?? '%' };
  const grants = grantStatements(account, database, tables);
  try {
    if (writer.password.length > 0) {
      await connection.run(createUserStatement(account, database), [writer.password]);
    }
    for (const grant of grants) await connection.run(grant);
    print(
      tr`Granted SELECT, INSERT, UPDATE on ${tables.join(', ')} to ${`'${account.user}'@'${account.host}'`}.`,
    );
    return true;
  } catch (error) {
    if (!DENIED.has(errnoOf(error) ?? 0)) throw error;
    print(
      tr`The administrator account may not grant rights (${describe(error)}). Ask the database administrator to run:`,
    );
    if (writer.password.length > 0) print(`  ${createUserForPrinting(account)};`);
    for (const grant of grants) print(`  ${grant};`);
    return false;
  }
}

/**
 * `courier-helper migrate`: creates the journal tables in the courier database (idempotent; run it
 * again after an upgrade) and the helper's writer grant limited to them. Resolves with the
 * exit code: 0 when the helper can write the journal, 1 otherwise.
 */
export async function runMigrateCommand(options: MigrateCommandOptions): Promise<number> {
  const { print } = options;
  const connect = options.connect ?? connectMysqlAdmin;
  let connection: AdminConnection;
  try {
    connection = await connect({
      host: options.database.host,
      port: options.database.port,
      database: options.database.database,
      user: options.admin.user,
      password: options.admin.password,
    });
  } catch (error) {
    print(connectProblem(options, error));
    return 1;
  }
  try {
    const report = await runMigrations(
      connection,
      options.migrations ?? directoryMigrations(),
      (migration) => print(tr`Applied ${`${migration.version}_${migration.name}`}.`),
    );
    if (report.applied.length === 0) print(tr`The journal tables are up to date.`);
    for (const migration of report.changed) {
      print(
        tr`Note: ${`${migration.version}_${migration.name}`} changed after it was applied; it is not applied again.`,
      );
    }
    if (options.writer === undefined || options.writer.user.length === 0) {
      print(tr`No journal.user configured: no writer account was granted.`);
      return 0;
    }
    const tables = migrationTables(report.all);
    return (await grantWriter(connection, options, options.writer, tables)) ? 0 : 1;
  } catch (error) {
    print(tr`Migration failed: ${describe(error)}`);
    return 1;
  } finally {
    await connection.close().catch(() => undefined);
  }
}
