import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryMigrations, textMigrations } from '../../helper/journal/migration-source';
import { runMigrateCommand } from '../../helper/journal/run-migrate-command';
import { MIGRATIONS_TABLE } from '../../helper/journal/run-migrations';
import { harnessInfo } from '../support/harness-info';
import {
  JOURNAL_ACCOUNT,
  connectAs,
  connectRoot,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';

let root: Connection;

beforeAll(async () => {
  root = await connectRoot();
});

afterAll(async () => {
  await root?.end();
});

describe('helper migrate against MariaDB', () => {
  it('creates the journal tables once and is a no-op when run again', async () => {
    const first: string[] = [];
    expect(await migrateHarnessDatabase((line) => first.push(line))).toBe(0);
    const second: string[] = [];
    expect(await migrateHarnessDatabase((line) => second.push(line))).toBe(0);
    expect(second).toContain('The journal tables are up to date.');
    const [applied] = await root.query<RowDataPacket[]>(
      `SELECT version, name FROM ${MIGRATIONS_TABLE} ORDER BY version`,
    );
    expect(applied[0]).toEqual({ version: '001', name: 'call_journal' });
    expect(new Set(applied.map((row) => row.version)).size).toBe(applied.length);
    const [tables] = await root.query<RowDataPacket[]>("SHOW TABLES LIKE 'call_journal%'");
    expect(tables.map((row) => Object.values(row)[0]).sort()).toEqual([
      'call_journal',
      'call_journal_orders',
    ]);
  });

  it('grants the writer INSERT, SELECT and UPDATE on the journal tables and nothing more', async () => {
    await migrateHarnessDatabase();
    const writer = await connectAs(JOURNAL_ACCOUNT);
    try {
      await writer.query(
        "INSERT INTO call_journal (call_id, extension, direction, origin, remote_raw, started_at, ended_at, result) VALUES ('grant-test', '101', 'in', 'pbx', '1', NOW(3), NOW(3), 'answered')",
      );
      await writer.query("UPDATE call_journal SET talk_seconds = 1 WHERE call_id = 'grant-test'");
      const [rows] = await writer.query(
        "SELECT call_id FROM call_journal WHERE call_id = 'grant-test'",
      );
      expect(rows).toHaveLength(1);
      await expect(
        writer.query("DELETE FROM call_journal WHERE call_id = 'grant-test'"),
      ).rejects.toThrow(/DELETE command denied/);
      await expect(writer.query('SELECT code FROM clients LIMIT 1')).rejects.toThrow(
        /SELECT command denied/,
      );
      await expect(writer.query('DROP TABLE call_journal_orders')).rejects.toThrow(/denied/);
    } finally {
      await writer.end();
      await root.query("DELETE FROM call_journal WHERE call_id = 'grant-test'");
    }
  });

  it('upgrades a journal of an earlier release: outcome columns, names of past calls, and again after a cut', async () => {
    const { mariadb } = harnessInfo();
    const database = 'courier_upgrade';
    await root.query(`DROP DATABASE IF EXISTS ${database}`);
    await root.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4`);
    const all = await directoryMigrations().list();
    const files = (upTo: string) =>
      textMigrations(
        Object.fromEntries(
          all.filter((m) => m.version <= upTo).map((m) => [`${m.version}_${m.name}.sql`, m.sql]),
        ),
      );
    const migrate = (upTo: string) =>
      runMigrateCommand({
        database: { host: mariadb.host, port: mariadb.port, database },
        admin: { user: mariadb.root.user, password: mariadb.root.password },
        print: () => undefined,
        migrations: files(upTo),
      });
    try {
      expect(await migrate('003')).toBe(0);
      await root.query(
        `INSERT INTO ${database}.call_journal (call_id, extension, direction, origin, remote_raw, identity_json, started_at, ended_at, result) ` +
          "VALUES ('old', '101', 'in', 'pbx', '79161234567', ?, NOW(3), NOW(3), 'answered')",
        [
          JSON.stringify({
            clients: [
              { code: '12', company: 'ООО «Ромашка»', contact: { code: '4', name: 'Мария' } },
            ],
            couriers: [],
            deliveries: [],
          }),
        ],
      );
      expect(await migrate('005')).toBe(0);
      const [rows] = await root.query<RowDataPacket[]>(
        `SELECT remote_name, outcome, note FROM ${database}.call_journal WHERE call_id = 'old'`,
      );
      expect(rows).toEqual([{ remote_name: 'ООО «Ромашка», Мария', outcome: null, note: null }]);

      // Cut short after its statements ran, before it was recorded: the next run finishes it.
      await root.query(`DELETE FROM ${database}.${MIGRATIONS_TABLE} WHERE version = '005'`);
      expect(await migrate('005')).toBe(0);
      const [indexes] = await root.query<RowDataPacket[]>(
        `SHOW INDEX FROM ${database}.call_journal WHERE Key_name LIKE 'ix_call_journal_%'`,
      );
      const names = new Set(indexes.map((row) => String(row.Key_name)));
      expect(names.has('ix_call_journal_pages')).toBe(true);
      expect(names.has('ix_call_journal_extension')).toBe(false);
      const [versions] = await root.query<RowDataPacket[]>(
        `SELECT version FROM ${database}.${MIGRATIONS_TABLE} ORDER BY version`,
      );
      expect(versions.map((row) => row.version)).toEqual(
        all.filter((m) => m.version <= '005').map((m) => m.version),
      );
    } finally {
      await root.query(`DROP DATABASE IF EXISTS ${database}`);
    }
  });
});
