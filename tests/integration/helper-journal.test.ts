import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, ServerMessageOf } from '../../shared/protocol';
import { runCli } from '../../helper/cli/run-cli';
import {
  ACCOUNT_MANAGER,
  EXPECTED_LOOKUPS,
  FIXTURE_NUMBERS,
  WELL_KNOWN,
} from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  journalRows,
  type JournalRow,
} from '../support/journal/harness-journal';

const RECORDINGS = 'https://pbx.test/recordings/';

let helper: RealHelper;
let client: ExtensionClient;
let db: Connection;
let migrateOutput: string;

/** `courier-helper migrate` as IT runs it: the database from the file, root from the environment. */
async function migrateThroughCli(): Promise<number> {
  const { mariadb } = harnessInfo();
  const dir = mkdtempSync(join(tmpdir(), 'ct-migrate-'));
  try {
    const file = join(dir, 'helper.toml');
    writeFileSync(
      file,
      [
        '[database]',
        `host = ${JSON.stringify(mariadb.host)}`,
        `port = ${mariadb.port}`,
        `database = ${JSON.stringify(mariadb.database)}`,
        '[journal]',
        `user = ${JSON.stringify(JOURNAL_ACCOUNT.user)}`,
        '',
      ].join('\n'),
    );
    const out: string[] = [];
    const code = await runCli(['migrate', '--config', file, '--writer-host', '%'], {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => out.push(text) },
      env: {
        COURIER_MIGRATE_ADMIN_USER: mariadb.root.user,
        COURIER_MIGRATE_ADMIN_PASSWORD: mariadb.root.password,
        COURIER_JOURNAL_PASSWORD: JOURNAL_ACCOUNT.password,
      },
      signal: new AbortController().signal,
    });
    migrateOutput = out.join('');
    return code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const code = await migrateThroughCli();
  expect(code, migrateOutput).toBe(0);
  db = await connectRoot();
  helper = await startRealHelper({
    extensions: ['101'],
    journal: { enabled: true, user: JOURNAL_ACCOUNT.user, password: JOURNAL_ACCOUNT.password },
    recording: { urlTemplate: `${RECORDINGS}{basename}` },
    transfer: { method: 'blind', managerContext: 'from-internal' },
  });
  client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
});

afterEach(stopSipp);

afterAll(async () => {
  await helper?.stop();
  await db?.end();
});

function viewsOf(from: string, since: number): CallView[] {
  return client
    .calls()
    .filter((c) => c.extension === '101' && c.remote.dbKey === from && c.startedAt >= since - 1000);
}

function cardWhere(
  from: string,
  since: number,
  test: (view: CallView) => boolean,
  what: string,
): Promise<CallView> {
  return eventually(
    () => viewsOf(from, since).find(test),
    (view) => view !== undefined,
    what,
  ) as Promise<CallView>;
}

async function queryJournal(callId: string): Promise<CallView | undefined> {
  const id = client.nextId();
  const page = client.waitForNext(
    (m): m is ServerMessageOf<'journal.page'> => m.type === 'journal.page' && m.id === id,
  );
  client.send({ type: 'journal.query', id, limit: 50 });
  return (await page).entries.find((entry) => entry.callId === callId);
}

async function oneRow(callId: string, accept: (row: JournalRow) => boolean, what: string) {
  const [row] = await eventually(
    () => journalRows(db, callId),
    (rows) => rows.length === 1 && rows[0] !== undefined && accept(rows[0]),
    what,
  );
  return row as JournalRow;
}

describe('the running helper journals calls', () => {
  it('migrate reported the writer grant on the journal tables', () => {
    expect(migrateOutput).toMatch(
      /Granted SELECT, INSERT, UPDATE on call_journal, call_journal_orders/,
    );
  });

  it('journals an answered call of a recipient with its talk time, orders and recording', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const since = Date.now();
    const call = await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.direct,
      hangupAfterMs: 2_500,
    });
    await call.done;
    const ended = await cardWhere(
      FIXTURE_NUMBERS.recipient,
      since,
      (v) => v.state === 'ended',
      'the recipient call to end on the card',
    );
    expect(ended.result).toBe('answered');
    expect(ended.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(ended.recordingUrl).toMatch(
      new RegExp(`^${RECORDINGS}in-${FIXTURE_NUMBERS.recipient}-[^/]+\\.wav$`),
    );

    const row = await oneRow(ended.callId, () => true, 'the journal row of the recipient call');
    expect(row).toMatchObject({
      extension: '101',
      direction: 'in',
      origin: 'pbx',
      remote_db_key: FIXTURE_NUMBERS.recipient,
      remote_e164: `+${FIXTURE_NUMBERS.recipient}`,
      result: 'answered',
      missed: 0,
      talk_seconds: ended.talkSeconds,
      recording_url: ended.recordingUrl,
      recovered: 0,
    });
    expect(row.recording_file).toMatch(new RegExp(`/in-${FIXTURE_NUMBERS.recipient}-[^/]+\\.wav$`));
    const [orders] = await db.query<RowDataPacket[]>(
      'SELECT order_code FROM call_journal_orders WHERE journal_id = ? ORDER BY order_code',
      [row.id],
    );
    expect(orders.map((o) => Number(o.order_code))).toEqual(
      EXPECTED_LOOKUPS.recipient.shipments.map((s) => s.order).sort((a, b) => a - b),
    );

    const entry = await queryJournal(ended.callId);
    expect(entry).toMatchObject({
      extension: '101',
      state: 'ended',
      result: 'answered',
      talkSeconds: ended.talkSeconds,
      recordingUrl: ended.recordingUrl,
    });
    expect(entry?.identity.deliveries.map((d) => d.orderNumber).sort()).toEqual(
      EXPECTED_LOOKUPS.recipient.shipments.map((s) => s.orderNumber).sort(),
    );
  });

  it("transfers a client to the account manager from the card's WebSocket message", async () => {
    const manager = await startPhone(ACCOUNT_MANAGER.extensions[0], 'answer', {
      answerAfterMs: 300,
    });
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const since = Date.now();
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
    const card = await cardWhere(
      FIXTURE_NUMBERS.clientMain,
      since,
      (v) => v.state === 'answered' && v.lookup === 'done',
      'the answered, identified card of the client',
    );

    const id = client.nextId();
    const result = client.waitForNext(
      (m): m is ServerMessageOf<'call.control.result'> =>
        m.type === 'call.control.result' && m.id === id,
    );
    client.send({
      type: 'call.transfer',
      id,
      callId: card.callId,
      extension: card.extension,
      to: ACCOUNT_MANAGER.extensions[0],
      target: 'manager',
      mode: 'blind',
    });
    expect(await result).toMatchObject({ ok: true, to: ACCOUNT_MANAGER.extensions[0] });
    const invite = await manager.waitForInvite({ since: 0 });
    expect(invite.fromUser).toBe(FIXTURE_NUMBERS.clientMain);

    const shown = await cardWhere(
      FIXTURE_NUMBERS.clientMain,
      since,
      (v) => v.callId === card.callId && v.transfer !== undefined,
      'a card push with the transfer',
    );
    expect(shown.transfer).toMatchObject({
      target: 'manager',
      to: ACCOUNT_MANAGER.extensions[0],
      ok: true,
    });
    expect(shown.transfer?.message).toContain(ACCOUNT_MANAGER.extensions[0]);

    await call.hangup();
    const row = await oneRow(
      card.callId,
      (r) => r.transferred_to !== null,
      'the journal row with its transfer',
    );
    expect(row).toMatchObject({
      result: 'answered',
      client_code: WELL_KNOWN.clients.mainClient.code,
      transfer_target: 'manager',
      transfer_mode: 'blind',
      transferred_to: ACCOUNT_MANAGER.extensions[0],
      transfer_ok: 1,
    });
    const entry = await queryJournal(card.callId);
    expect(entry?.transfer).toMatchObject({
      target: 'manager',
      to: ACCOUNT_MANAGER.extensions[0],
      ok: true,
    });
  });

  it('keeps the journal password out of its log', () => {
    expect(helper.secrets).toContain(JOURNAL_ACCOUNT.password);
    expect(helper.logs.text()).toContain('call journal started');
    expect(helper.logs.text()).not.toContain(JOURNAL_ACCOUNT.password);
  });
});
