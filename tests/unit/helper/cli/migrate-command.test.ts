import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../helper/cli/run-cli';
import type { AdminAccount, AdminConnection } from '../../../../helper/journal/admin-connection';
import { availableMigrations } from '../../../../helper/journal/available-migrations';
import type { SqlValue } from '../../../../helper/journal/journal-database';
import { directoryMigrations, textMigrations } from '../../../../helper/journal/migration-source';
import { MIGRATIONS_TABLE } from '../../../../helper/journal/run-migrations';
import { configText, tempDir, testIo, type TempDir } from '../../../support/helper/cli/cli-harness';

const ADMIN_PASSWORD = 'admin-Pa55word';
const JOURNAL_PASSWORD = 'journal-Pa55word';
const MIGRATIONS = textMigrations({
  '001_first.sql': 'CREATE TABLE IF NOT EXISTS call_journal (x INT);',
});

/** An administrator connection that records what migrate asks of the server. */
class FakeAdmin implements AdminConnection {
  readonly statements: { sql: string; params: readonly SqlValue[] }[] = [];
  readonly accounts: AdminAccount[] = [];
  closed = false;

  readonly connect = async (account: AdminAccount): Promise<AdminConnection> => {
    this.accounts.push(account);
    return this;
  };

  async run(sql: string, params: readonly SqlValue[] = []) {
    this.statements.push({ sql, params });
    if (sql.startsWith('SELECT GET_LOCK')) return [{ locked: 1 }];
    if (sql.startsWith(`SELECT version, checksum FROM ${MIGRATIONS_TABLE}`)) return [];
    return [];
  }

  async close() {
    this.closed = true;
  }
}

const JOURNAL = `[journal]\nuser = "courier_journal"\npassword = "${JOURNAL_PASSWORD}"\n`;

describe('migrate command', () => {
  let dir: TempDir;
  let admin: FakeAdmin;
  beforeEach(() => {
    dir = tempDir();
    admin = new FakeAdmin();
  });
  afterEach(() => {
    dir.remove();
  });

  function migrate(argv: string[], env: Record<string, string>, text = configText() + JOURNAL) {
    const file = dir.write('helper.toml', text);
    const io = testIo(env);
    const code = runCli(['migrate', '--config', file, ...argv], io, {
      migrate: { connect: admin.connect, migrations: MIGRATIONS },
    });
    return { io, code, file };
  }

  it('connects to [database] as the administrator from the environment and grants [journal]', async () => {
    const { io, code, file } = migrate([], {
      COURIER_MIGRATE_ADMIN_USER: 'dba',
      COURIER_MIGRATE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    expect(await code).toBe(0);
    expect(admin.accounts).toEqual([
      { host: '127.0.0.1', port: 3306, database: 'courier', user: 'dba', password: ADMIN_PASSWORD },
    ]);
    const createUser = admin.statements.find((s) => s.sql.startsWith('CREATE USER'));
    expect(createUser?.sql).toBe("CREATE USER IF NOT EXISTS 'courier_journal'@'%' IDENTIFIED BY ?");
    expect(createUser?.params).toEqual([JOURNAL_PASSWORD]);
    expect(admin.statements.map((s) => s.sql)).toContain(
      "GRANT SELECT, INSERT, UPDATE ON `courier`.`call_journal` TO 'courier_journal'@'%'",
    );
    expect(admin.closed).toBe(true);
    expect(io.out()).toContain('Applied 001_first.');
    expect(io.out()).toContain(`set enabled = true under [journal] in ${file}`);
    expect(io.out() + io.err()).not.toContain(ADMIN_PASSWORD);
    expect(io.out() + io.err()).not.toContain(JOURNAL_PASSWORD);
  });

  it('takes --admin-user over the environment, root otherwise, and --writer-host for the grant', async () => {
    const flagged = migrate(['--admin-user', 'owner', '--writer-host', '10.0.%'], {
      COURIER_MIGRATE_ADMIN_USER: 'dba',
    });
    expect(await flagged.code).toBe(0);
    expect(admin.accounts[0]).toMatchObject({ user: 'owner', password: '' });
    expect(admin.statements.map((s) => s.sql)).toContain(
      "GRANT SELECT, INSERT, UPDATE ON `courier`.`call_journal` TO 'courier_journal'@'10.0.%'",
    );
    const plain = migrate([], {});
    expect(await plain.code).toBe(0);
    expect(admin.accounts[1]?.user).toBe('root');
  });

  it('stays quiet about enabling the journal once it is enabled', async () => {
    const { io, code } = migrate([], {}, configText() + JOURNAL + 'enabled = true\n');
    expect(await code).toBe(0);
    expect(io.out()).not.toContain('set enabled = true');
  });

  it('refuses the administrator password on the command line, without echoing it', async () => {
    const { io, code } = migrate(['--admin-password', ADMIN_PASSWORD], {});
    expect(await code).toBe(2);
    expect(io.err()).toContain('set COURIER_MIGRATE_ADMIN_PASSWORD');
    expect(io.err()).not.toContain(ADMIN_PASSWORD);
    expect(admin.accounts).toEqual([]);
  });

  it('keeps its options to itself', async () => {
    for (const argv of [
      ['run', '--admin-user', 'root'],
      ['doctor', '--writer-host', '%'],
      ['migrate', '--admin-user', ''],
    ]) {
      const io = testIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toMatch(/belongs to the migrate command|needs a value/);
    }
  });

  it('refuses a writer host no GRANT could name before connecting', async () => {
    const { io, code } = migrate(['--writer-host', "10.0.0.1' OR 1"], {});
    expect(await code).toBe(2);
    expect(io.err()).toContain('--writer-host');
    expect(admin.accounts).toEqual([]);
  });

  it('says what to change when [database] or [journal] cannot be used', async () => {
    const broken = migrate([], {}, configText() + '[journal]\nuser = "bad user\'"\n');
    expect(await broken.code).toBe(1);
    expect(broken.io.err()).toContain('Cannot migrate');
    expect(broken.io.err()).toContain('journal.user');
    const noDatabase = testIo({});
    const missing = join(dir.path, 'absent.toml');
    expect(await runCli(['migrate', '--config', missing], noDatabase)).toBe(1);
    expect(noDatabase.err()).toContain('--config');
    expect(admin.accounts).toEqual([]);
  });

  it('needs only [database] and [journal] from the file', async () => {
    const text = '[database]\nhost = "db.office.lan"\n[journal]\nuser = "courier_journal"\n';
    const { code } = migrate([], {}, text);
    expect(await code).toBe(0);
    expect(admin.accounts[0]).toMatchObject({ host: 'db.office.lan', database: 'courier' });
  });

  it('grants the writer every table of db/migrations, the feedback table serve writes included', async () => {
    const file = dir.write('helper.toml', configText() + JOURNAL);
    const io = testIo({});
    const code = await runCli(['migrate', '--config', file], io, {
      migrate: { connect: admin.connect, migrations: directoryMigrations() },
    });
    expect(code).toBe(0);
    const grants = admin.statements.map((s) => s.sql).filter((sql) => sql.startsWith('GRANT'));
    expect(grants).toEqual(
      expect.arrayContaining(
        ['call_journal', 'call_journal_orders', 'call_feedback'].map(
          (table) =>
            `GRANT SELECT, INSERT, UPDATE ON \`courier\`.\`${table}\` TO 'courier_journal'@'%'`,
        ),
      ),
    );
    expect(io.out()).toContain('call_feedback');
  });

  it('migrates despite problems in sections it does not use', async () => {
    const text = configText().replace(
      'host = "127.0.0.1"\nport = 5038',
      'host = "pbx office"\nport = 5038',
    );
    const { code } = migrate([], {}, text + JOURNAL);
    expect(await code).toBe(0);
  });
});

describe('migrations of the single-file helper', () => {
  it('come from db/migrations when the helper runs from the source tree', async () => {
    const fromTree = await (await availableMigrations()).list();
    expect(fromTree.map((m) => m.version)).toEqual(
      (await directoryMigrations().list()).map((m) => m.version),
    );
  });

  it('are bundled as text by esbuild, every file of db/migrations, identical', async () => {
    const dirOut = tempDir();
    try {
      const outfile = join(dirOut.path, 'migrations.cjs');
      await build({
        entryPoints: [
          new URL('../../../../helper/journal/available-migrations.ts', import.meta.url).pathname,
        ],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        loader: { '.sql': 'text' },
        outfile,
        logLevel: 'silent',
      });
      const bundled = createRequire(import.meta.url)(outfile) as {
        availableMigrations: typeof availableMigrations;
      };
      const fromBundle = await (await bundled.availableMigrations()).list();
      const fromFolder = await directoryMigrations().list();
      expect(fromBundle.map((m) => [m.version, m.name, m.checksum])).toEqual(
        fromFolder.map((m) => [m.version, m.name, m.checksum]),
      );
    } finally {
      dirOut.remove();
    }
  });
});
