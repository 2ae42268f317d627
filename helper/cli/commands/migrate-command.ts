import { formatProblems } from '../../config/config-error';
import type { ConfigProblem } from '../../config/types';
import type { ConnectAdmin } from '../../journal/admin-connection';
import type { MigrationSource } from '../../journal/migration-source';
import { checkWriterAccount, WriterAccountError } from '../../journal/writer-grant';
import { type CliIo, EXIT } from '../../core/cli-io';
import { loadCliConfig } from '../load-cli-config';
import type { CommandLine } from '../parse-command-line';
import { tr } from '../../core/cli-text';

/** Replace the database and the migrations (tests). */
export interface MigrateSeams {
  connect?: ConnectAdmin;
  migrations?: MigrationSource;
}

/** The keys `migrate` reads; problems elsewhere (the PBX, the read-only account) do not stop it. */
const MIGRATE_KEYS = new Set([
  '(file)',
  'database.host',
  'database.port',
  'database.database',
  'journal.user',
  'journal.password',
]);

function concernsMigrate(problem: ConfigProblem): boolean {
  return MIGRATE_KEYS.has(problem.key);
}

/**
 * `migrate`: creates the journal tables in `[database]` with an administrator account and
 * grants the `[journal]` account SELECT, INSERT and UPDATE on them. The administrator's
 * password comes from the environment only, never from the command line, where other users
 * of the workstation could read it. Exit code 0 when the helper can write the journal.
 */
export async function migrateCommand(
  line: CommandLine,
  io: CliIo,
  seams: MigrateSeams = {},
): Promise<number> {
  const loaded = loadCliConfig(line, io);
  const blocking = loaded.ok ? [] : loaded.problems.filter(concernsMigrate);
  const config = loaded.ok ? loaded.config : loaded.partial;
  if (!config || blocking.length > 0) {
    io.stderr.write(`${tr`Cannot migrate: change these first:`}\n${formatProblems(blocking)}\n`);
    return EXIT.failed;
  }
  if (config.paths.file === null || config.database.host === '') {
    io.stderr.write(
      `${tr`Cannot migrate: no database is configured. Pass --config with the helper configuration whose [database] host names the courier database server.`}\n`,
    );
    return EXIT.failed;
  }
  const writer =
    config.journal.user === ''
      ? undefined
      : {
          user: config.journal.user,
          password: config.journal.password,
          host: line.writerHost ?? '%',
        };
  try {
    if (writer) checkWriterAccount(writer, config.database.database);
  } catch (error) {
    if (!(error instanceof WriterAccountError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.usage;
  }
  // Loaded here so that the other commands start without the database driver.
  const { migrateAdminFromEnv, runMigrateCommand } =
    await import('../../journal/run-migrate-command');
  const { availableMigrations } = await import('../../journal/available-migrations');
  const print = (text: string): void => void io.stdout.write(`${text}\n`);
  const code = await runMigrateCommand({
    database: {
      host: config.database.host,
      port: config.database.port,
      database: config.database.database,
    },
    admin: migrateAdminFromEnv(io.env, line.adminUser),
    ...(writer ? { writer } : {}),
    print,
    migrations: seams.migrations ?? (await availableMigrations()),
    ...(seams.connect ? { connect: seams.connect } : {}),
  });
  if (code === EXIT.ok && !config.journal.enabled) {
    print(
      tr`The journal is ready: set enabled = true under [journal] in ${config.paths.file} and restart the helper.`,
    );
  }
  return code;
}
