import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome, CallView } from '../../shared/protocol';
import { toSqlTime } from '../../helper/journal/sql-time';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  journalRows,
  liveServices,
  migrateHarnessDatabase,
  tempStateDir,
} from '../support/journal/harness-journal';
import type { LiveHelperOptions } from '../support/journal/live-helper';

const SCRIPT = fileURLToPath(new URL('../support/journal/live-helper-process.ts', import.meta.url));

interface HelperProcess {
  readonly child: ChildProcess;
  readonly views: CallView[];
  readonly ready: Promise<{ recovered: number }>;
  /** Notes an outcome as the card would; resolves once the helper says it is kept. */
  note(call: CallView, outcome: CallOutcome): Promise<void>;
}

const NOTED: CallOutcome = {
  code: 'rescheduled',
  label: 'Доставка перенесена',
  note: 'Перезвонить после обеда',
  at: Date.UTC(2026, 0, 1),
};

const processes = new Set<ChildProcess>();
let state: Awaited<ReturnType<typeof tempStateDir>>;
let db: Connection;

function startHelperProcess(): HelperProcess {
  const options: LiveHelperOptions = {
    services: liveServices(),
    stateDir: state.dir,
    extensions: ['101'],
    journalAccount: JOURNAL_ACCOUNT,
    retry: { initialMs: 200, maxMs: 1_000 },
  };
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, LIVE_HELPER_OPTIONS: JSON.stringify(options) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  processes.add(child);
  child.once('exit', () => processes.delete(child));
  const views: CallView[] = [];
  const noted: Array<() => void> = [];
  let markReady: (value: { recovered: number }) => void = () => undefined;
  const ready = new Promise<{ recovered: number }>((resolve) => (markReady = resolve));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    const message = JSON.parse(line) as
      { type: 'ready'; recovered: number } | { type: 'call'; call: CallView } | { type: 'noted' };
    if (message.type === 'ready') markReady({ recovered: message.recovered });
    else if (message.type === 'noted') noted.shift()?.();
    else views.push(message.call);
  });
  const note = (call: CallView, outcome: CallOutcome): Promise<void> =>
    new Promise((resolve) => {
      noted.push(resolve);
      const command = { type: 'note', callId: call.callId, extension: call.extension, outcome };
      child.stdin!.write(`${JSON.stringify(command)}\n`);
    });
  return { child, views, ready, note };
}

async function kill(helper: HelperProcess): Promise<void> {
  const exited = once(helper.child, 'exit');
  helper.child.kill('SIGKILL');
  await exited;
}

function viewOn101(helper: HelperProcess, state: CallView['state']): Promise<CallView> {
  return eventually(
    () => helper.views.find((v) => v.extension === '101' && v.state === state),
    (v) => v !== undefined,
    `a ${state} view on 101`,
  ) as Promise<CallView>;
}

async function outcomeOf(callId: string): Promise<unknown> {
  const [rows] = await db.query<RowDataPacket[]>(
    "SELECT outcome, note FROM call_journal WHERE call_id = ? AND extension = '101'",
    [callId],
  );
  return rows[0];
}

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  db = await connectRoot();
});

afterEach(async () => {
  await stopSipp();
  for (const child of processes) child.kill('SIGKILL');
  await state?.remove();
});

afterAll(async () => {
  await db?.end();
});

describe('the journal when the helper is killed mid-call', () => {
  it('journals a call that goes on across the restart with its real start, answer and outcome', async () => {
    state = await tempStateDir();
    const first = startHelperProcess();
    await first.ready;
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    const answered = await viewOn101(first, 'answered');
    await first.note(answered, NOTED);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await kill(first);

    const second = startHelperProcess();
    expect(await second.ready).toEqual({ recovered: 0 });
    await viewOn101(second, 'answered');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await call.hangup();

    const [row] = await eventually(
      () => journalRows(db, answered.callId),
      (rows) => rows.length === 1,
      'the journal row of the call',
    );
    expect(row).toMatchObject({
      result: 'answered',
      started_at: toSqlTime(answered.startedAt),
      answered_at: toSqlTime(answered.answeredAt ?? 0),
      recovered: 0,
    });
    expect(await outcomeOf(answered.callId)).toEqual({
      outcome: 'rescheduled',
      note: 'Перезвонить после обеда',
    });
    expect(row?.talk_seconds).toBeGreaterThanOrEqual(3);
    expect(row?.talk_seconds).toBeLessThanOrEqual(10);
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  });

  it('journals a call that ended while the helper was down, marked recovered, with its outcome', async () => {
    state = await tempStateDir();
    const first = startHelperProcess();
    await first.ready;
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    const answered = await viewOn101(first, 'answered');
    await first.note(answered, NOTED);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await kill(first);
    await call.hangup();

    const second = startHelperProcess();
    expect(await second.ready).toEqual({ recovered: 1 });
    const [row] = await eventually(
      () => journalRows(db, answered.callId),
      (rows) => rows.length === 1,
      'the recovered journal row',
    );
    expect(row).toMatchObject({
      result: 'answered',
      started_at: toSqlTime(answered.startedAt),
      answered_at: toSqlTime(answered.answeredAt ?? 0),
      recovered: 1,
    });
    expect(row?.talk_seconds).toBeGreaterThanOrEqual(1);
    expect(await outcomeOf(answered.callId)).toEqual({
      outcome: 'rescheduled',
      note: 'Перезвонить после обеда',
    });
    expect(row?.recording_file).toMatch(/in-79161234567-.*\.wav$/);
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  });
});
