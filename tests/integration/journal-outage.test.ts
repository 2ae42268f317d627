import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/protocol';
import { SPOOL_FILE } from '../../helper/journal/journal-spool';
import { harnessFaults } from '../support/fault-control';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  liveServices,
  migrateHarnessDatabase,
  tempStateDir,
} from '../support/journal/harness-journal';
import { startLiveHelper, type LiveHelper } from '../support/journal/live-helper';

const CALLERS = ['79990001101', '79990001102', '79990001103', '79990001104'];

let state: Awaited<ReturnType<typeof tempStateDir>>;
let helper: LiveHelper | undefined;
let databaseDown = false;

function start(): Promise<LiveHelper> {
  return startLiveHelper({
    services: liveServices(),
    stateDir: state.dir,
    extensions: ['101'],
    journalAccount: JOURNAL_ACCOUNT,
    retry: { initialMs: 200, maxMs: 1_000 },
  });
}

async function answeredCall(live: LiveHelper, from: string): Promise<CallView> {
  const since = live.views.length;
  const call = await placeInboundCall({ from, did: DIDS.direct, hangupAfterMs: 1_000 });
  await call.done;
  const view = await eventually(
    () => live.views.slice(since).find((v) => v.extension === '101' && v.state === 'ended'),
    (v) => v !== undefined,
    `the call from ${from} to end`,
  );
  await live.journal.journal.settled();
  return view as CallView;
}

async function spooledLines(): Promise<string[]> {
  const text = await readFile(join(state.dir, 'journal', SPOOL_FILE), 'utf8');
  return text.split('\n').filter((line) => line.length > 0);
}

async function rowCounts(db: Connection, callIds: readonly string[]): Promise<number[]> {
  const [rows] = await db.query<RowDataPacket[]>(
    'SELECT call_id, COUNT(*) AS n FROM call_journal WHERE call_id IN (?) GROUP BY call_id',
    [callIds],
  );
  const byId = new Map(rows.map((row) => [String(row.call_id), Number(row.n)]));
  return callIds.map((id) => byId.get(id) ?? 0);
}

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  state = await tempStateDir();
});

afterEach(async () => {
  await stopSipp();
  await helper?.stop();
  helper = undefined;
  if (databaseDown) {
    await harnessFaults.startMariaDb();
    databaseDown = false;
  }
});

afterAll(async () => {
  await state?.remove();
});

describe('the journal across a database outage', () => {
  it('spools the calls made while MariaDB is stopped and writes each once when it is back', async () => {
    helper = await start();
    await helper.ready;
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    await harnessFaults.stopMariaDb();
    databaseDown = true;

    const views: CallView[] = [];
    for (const from of CALLERS.slice(0, 3)) views.push(await answeredCall(helper, from));
    const ids = views.map((v) => v.callId);
    expect(helper.journal.durable.backlog()).toBeGreaterThanOrEqual(3);
    expect((await spooledLines()).length).toBeGreaterThanOrEqual(3);
    const popup = await helper.journal.reader.query({ id: 'q' });
    for (const id of ids) expect(popup.entries.some((c) => c.callId === id)).toBe(true);

    await harnessFaults.startMariaDb();
    databaseDown = false;
    await helper.journal.durable.drained();
    const db = await connectRoot();
    try {
      expect(await rowCounts(db, ids)).toEqual([1, 1, 1]);
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT result, talk_seconds FROM call_journal WHERE call_id IN (?)',
        [ids],
      );
      expect(rows.every((row) => row.result === 'answered' && Number(row.talk_seconds) >= 1)).toBe(
        true,
      );
    } finally {
      await db.end();
    }
    expect(await spooledLines()).toEqual([]);
  });

  it('keeps spooled calls across a helper restart during the outage, each written once', async () => {
    helper = await start();
    await helper.ready;
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    await harnessFaults.stopMariaDb();
    databaseDown = true;
    const view = await answeredCall(helper, CALLERS[3] ?? '');
    await helper.stop();

    helper = await start();
    await helper.ready;
    expect(helper.journal.restored.spooled).toBeGreaterThanOrEqual(1);
    await harnessFaults.startMariaDb();
    databaseDown = false;
    await helper.journal.durable.drained();
    const db = await connectRoot();
    try {
      expect(await rowCounts(db, [view.callId])).toEqual([1]);
    } finally {
      await db.end();
    }
  });
});
