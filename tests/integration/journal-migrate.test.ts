import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_TABLE } from '../../helper/journal/run-migrations';
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
});
