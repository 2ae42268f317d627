import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdminConnection } from '../../../../helper/journal/admin-connection';
import {
  defaultMigrationsDir,
  directoryMigrations,
  migrationTables,
  textMigrations,
} from '../../../../helper/journal/migration-source';
import { runMigrateCommand } from '../../../../helper/journal/run-migrate-command';
import { MIGRATIONS_TABLE, runMigrations } from '../../../../helper/journal/run-migrations';
import { splitStatements } from '../../../../helper/journal/split-statements';
import { grantStatements, WriterAccountError } from '../../../../helper/journal/writer-grant';
import type { SqlValue } from '../../../../helper/journal/journal-database';

class FakeAdmin implements AdminConnection {
  readonly statements: { sql: string; params: readonly SqlValue[] }[] = [];
  applied = new Map<string, string>();
  denyGrants = false;
  closed = false;

  async run(sql: string, params: readonly SqlValue[] = []) {
    this.statements.push({ sql, params });
    if (sql.startsWith('SELECT GET_LOCK')) return [{ locked: 1 }];
    if (sql.startsWith(`SELECT version, checksum FROM ${MIGRATIONS_TABLE}`)) {
      return [...this.applied].map(([version, checksum]) => ({ version, checksum }));
    }
    if (sql.startsWith(`INSERT INTO ${MIGRATIONS_TABLE}`)) {
      this.applied.set(String(params[0]), String(params[2]));
    }
    if (this.denyGrants && (sql.startsWith('GRANT') || sql.startsWith('CREATE USER'))) {
      throw Object.assign(new Error("Access denied for user 'owner'@'%'"), { errno: 1044 });
    }
    return [];
  }

  async close() {
    this.closed = true;
  }
}

const DATABASE = { host: '127.0.0.1', port: 3306, database: 'courier' };
const JOURNAL_SQL = readFileSync(`${defaultMigrationsDir()}/001_call_journal.sql`, 'utf8');
const SHIPPED = textMigrations({ '001_call_journal.sql': JOURNAL_SQL });

describe('splitStatements', () => {
  it('splits at semicolons outside comments and quotes', () => {
    expect(
      splitStatements(
        "-- a comment; with a semicolon\nCREATE TABLE t (c INT COMMENT 'x;y');\n/* ; */ SELECT 1;",
      ),
    ).toEqual(["CREATE TABLE t (c INT COMMENT 'x;y')", 'SELECT 1']);
  });

  it('reads the shipped migration as its two tables', () => {
    const statements = splitStatements(JOURNAL_SQL);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^CREATE TABLE IF NOT EXISTS call_journal \(/);
    expect(statements[0]).toContain('UNIQUE KEY uq_call_journal_call (call_id, extension)');
    expect(statements[1]).toMatch(/^CREATE TABLE IF NOT EXISTS call_journal_orders \(/);
  });
});

describe('runMigrations', () => {
  it('applies each migration once, in version order, under a lock', async () => {
    const admin = new FakeAdmin();
    const source = textMigrations({
      '002_second.sql': 'CREATE TABLE IF NOT EXISTS b (x INT);',
      '001_first.sql': 'CREATE TABLE IF NOT EXISTS a (x INT);',
    });
    const first = await runMigrations(admin, source);
    expect(first.applied.map((m) => m.version)).toEqual(['001', '002']);
    const second = await runMigrations(admin, source);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toHaveLength(2);
    expect(
      admin.statements.filter((s) => s.sql.startsWith('CREATE TABLE IF NOT EXISTS a')),
    ).toHaveLength(1);
    expect(admin.statements.at(-1)?.sql).toBe('SELECT RELEASE_LOCK(?)');
  });

  it('reports a migration edited after it was applied without applying it again', async () => {
    const admin = new FakeAdmin();
    await runMigrations(admin, textMigrations({ '001_first.sql': 'CREATE TABLE a (x INT);' }));
    const again = await runMigrations(
      admin,
      textMigrations({ '001_first.sql': 'CREATE TABLE a (x BIGINT);' }),
    );
    expect(again.changed.map((m) => m.name)).toEqual(['first']);
  });

  it('finishes a migration cut short: a change already made is skipped, not an error', async () => {
    const admin = new FakeAdmin();
    const run = admin.run.bind(admin);
    admin.run = async (sql, params) => {
      if (sql.startsWith('ALTER TABLE')) {
        throw Object.assign(new Error("Duplicate column name 'note'"), { errno: 1060 });
      }
      if (sql.startsWith('DROP INDEX')) {
        throw Object.assign(new Error("Can't DROP INDEX; check that it exists"), { errno: 1091 });
      }
      return run(sql, params);
    };
    const source = textMigrations({
      '004_cut.sql': 'ALTER TABLE t ADD COLUMN note INT; DROP INDEX i ON t; UPDATE t SET note = 1;',
    });
    const report = await runMigrations(admin, source);
    expect(report.applied.map((m) => m.version)).toEqual(['004']);
    expect(admin.statements.some((s) => s.sql === 'UPDATE t SET note = 1')).toBe(true);
  });

  it('stops on any other error and records nothing', async () => {
    const admin = new FakeAdmin();
    admin.run = async (sql) => {
      if (sql.startsWith('SELECT GET_LOCK')) return [{ locked: 1 }];
      if (sql.startsWith('ALTER TABLE')) {
        throw Object.assign(new Error("Table 'courier.t' doesn't exist"), { errno: 1146 });
      }
      return [];
    };
    const source = textMigrations({ '003_bad.sql': 'ALTER TABLE t ADD COLUMN note INT;' });
    await expect(runMigrations(admin, source)).rejects.toThrow(/doesn't exist/);
    expect(admin.applied.size).toBe(0);
  });

  it('adds the outcome columns and the pages index in one statement', async () => {
    const list = await directoryMigrations().list();
    const outcomes = list.find((m) => m.name === 'call_outcomes');
    const [alter, drop, backfill] = splitStatements(outcomes?.sql ?? '');
    expect(alter).toMatch(/^ALTER TABLE call_journal\s/);
    for (const column of ['remote_name', 'outcome', 'outcome_label', 'note', 'noted_at']) {
      expect(alter).toContain(`ADD COLUMN ${column} `);
    }
    expect(alter).toContain('ADD KEY ix_call_journal_pages (extension, started_at, call_id)');
    expect(drop).toBe('DROP INDEX ix_call_journal_extension ON call_journal');
    expect(backfill).toMatch(/^UPDATE call_journal\s+SET remote_name/);
  });

  it('finds the shipped migrations in db/migrations', async () => {
    const list = await directoryMigrations().list();
    expect(list.map((m) => `${m.version}_${m.name}`)).toContain('001_call_journal');
  });

  it('names the tables the migrations create, for the writer grant', async () => {
    expect(migrationTables(await SHIPPED.list())).toEqual(['call_journal', 'call_journal_orders']);
  });
});

describe('runMigrateCommand', () => {
  it('creates the writer account and grants it the journal tables only', async () => {
    const admin = new FakeAdmin();
    const lines: string[] = [];
    const code = await runMigrateCommand({
      database: DATABASE,
      admin: { user: 'root', password: '' },
      writer: { user: 'courier_journal', password: 's3cret' },
      print: (line) => lines.push(line),
      connect: async () => admin,
      migrations: SHIPPED,
    });
    expect(code).toBe(0);
    const create = admin.statements.find((s) => s.sql.startsWith('CREATE USER'));
    expect(create?.sql).toBe("CREATE USER IF NOT EXISTS 'courier_journal'@'%' IDENTIFIED BY ?");
    expect(create?.params).toEqual(['s3cret']);
    expect(admin.statements.filter((s) => s.sql.startsWith('GRANT')).map((s) => s.sql)).toEqual([
      "GRANT SELECT, INSERT, UPDATE ON `courier`.`call_journal` TO 'courier_journal'@'%'",
      "GRANT SELECT, INSERT, UPDATE ON `courier`.`call_journal_orders` TO 'courier_journal'@'%'",
    ]);
    expect(lines.join('\n')).not.toContain('s3cret');
    expect(admin.closed).toBe(true);
  });

  it('prints the grants for a database administrator when it may not grant', async () => {
    const admin = new FakeAdmin();
    admin.denyGrants = true;
    const lines: string[] = [];
    const code = await runMigrateCommand({
      database: DATABASE,
      admin: { user: 'owner', password: 'x' },
      writer: { user: 'courier_journal', password: 's3cret', host: '10.0.%' },
      print: (line) => lines.push(line),
      connect: async () => admin,
      migrations: SHIPPED,
    });
    expect(code).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('Ask the database administrator to run:');
    expect(text).toContain(
      "GRANT SELECT, INSERT, UPDATE ON `courier`.`call_journal` TO 'courier_journal'@'10.0.%';",
    );
    expect(text).toContain("IDENTIFIED BY '<journal.password>'");
    expect(text).not.toContain('s3cret');
  });

  it('says which settings to check when the database cannot be reached', async () => {
    const lines: string[] = [];
    const code = await runMigrateCommand({
      database: DATABASE,
      admin: { user: 'root', password: '' },
      print: (line) => lines.push(line),
      connect: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/check database\.host and database\.port/);
  });

  it('refuses account names that would need quoting', () => {
    expect(() => grantStatements({ user: "x'@'%", host: '%' }, 'courier', ['t'])).toThrow(
      WriterAccountError,
    );
    expect(() => grantStatements({ user: 'u', host: '%' }, 'courier', ['t`; DROP'])).toThrow(
      WriterAccountError,
    );
  });
});
