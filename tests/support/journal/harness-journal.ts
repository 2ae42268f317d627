import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { runMigrateCommand } from '../../../helper/journal/run-migrate-command';
import { harnessInfo } from '../harness-info';
import type { LiveServices } from './live-helper';

/** The journal's writer account the tests create with `migrate`. */
export const JOURNAL_ACCOUNT = { user: 'courier_journal', password: 'journal-test-pw' } as const;

/** Creates the journal tables and the writer account in the harness database (idempotent). */
export async function migrateHarnessDatabase(print: (line: string) => void = () => undefined) {
  const { mariadb } = harnessInfo();
  return runMigrateCommand({
    database: { host: mariadb.host, port: mariadb.port, database: mariadb.database },
    admin: { user: mariadb.root.user, password: mariadb.root.password },
    writer: { ...JOURNAL_ACCOUNT, host: '%' },
    print,
  });
}

export function liveServices(): LiveServices {
  const { mariadb, asterisk } = harnessInfo();
  return {
    mariadb: {
      host: mariadb.host,
      port: mariadb.port,
      database: mariadb.database,
      readOnly: mariadb.readOnly,
    },
    asterisk: {
      amiHost: asterisk.amiHost,
      amiPort: asterisk.amiPort,
      accounts: { helper: asterisk.accounts.helper },
    },
  };
}

export function connectAs(account: { user: string; password: string }): Promise<Connection> {
  const { mariadb } = harnessInfo();
  return createConnection({
    host: mariadb.host,
    port: mariadb.port,
    user: account.user,
    password: account.password,
    database: mariadb.database,
    dateStrings: true,
  });
}

export function connectRoot(): Promise<Connection> {
  return connectAs(harnessInfo().mariadb.root);
}

export interface JournalRow extends RowDataPacket {
  id: number;
  call_id: string;
  extension: string;
  direction: string;
  origin: string;
  remote_db_key: string | null;
  remote_e164: string | null;
  client_code: number | null;
  contact_code: number | null;
  courier_code: number | null;
  identity_json: string | null;
  started_at: string;
  answered_at: string | null;
  ended_at: string;
  talk_seconds: number;
  result: string;
  missed: number;
  answered_by: string | null;
  recording_file: string | null;
  recording_url: string | null;
  transfer_target: string | null;
  transfer_mode: string | null;
  transferred_to: string | null;
  transfer_ok: number | null;
  transfer_reason: string | null;
  recovered: number;
}

export async function journalRows(db: Connection, callId: string): Promise<JournalRow[]> {
  const [rows] = await db.query<JournalRow[]>(
    'SELECT * FROM call_journal WHERE call_id = ? ORDER BY extension',
    [callId],
  );
  return rows;
}

/** Polls until `read` returns something `accept` takes; generous deadline, short steps. */
export async function eventually<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function tempStateDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ct-journal-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
