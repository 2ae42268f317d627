import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActiveCallsFile } from '../../../../helper/journal/active-calls-file';
import { CallJournal } from '../../../../helper/journal/call-journal';
import { DurableJournal } from '../../../../helper/journal/durable-journal';
import { JournalSpool } from '../../../../helper/journal/journal-spool';
import { FakeJournalStore } from '../../../support/helper/journal/fake-store';
import {
  CLIENT,
  NO_IDENTITY,
  T0,
  activeView,
  endedView,
} from '../../../support/helper/journal/samples';

const KEY = '1741944600.17|101';

describe('CallJournal', () => {
  let dir: string;
  let controller: AbortController;
  let store: FakeJournalStore;
  let durable: DurableJournal;
  let active: ActiveCallsFile;
  let journal: CallJournal;
  let now: number;

  async function start(): Promise<void> {
    durable = new DurableJournal({
      store,
      spool: new JournalSpool(dir),
      signal: controller.signal,
      retry: { initialMs: 5, maxMs: 10 },
    });
    active = new ActiveCallsFile(join(dir, 'active-calls.json'));
    await active.load();
    await durable.start();
    journal = new CallJournal({
      journal: durable,
      active,
      now: () => now,
      recordings: {
        recordingFor: (callId) =>
          callId === '1741944600.17'
            ? { file: '/monitor/in.wav', url: 'https://pbx/in.wav' }
            : undefined,
      },
      resolver: { lookup: async () => ({ state: 'done', identity: CLIENT }) },
    });
  }

  /** Like a SIGKILL: nothing is flushed or closed; only what is on disk survives. */
  async function crash(): Promise<void> {
    await journal.settled();
    await active.flushed();
    controller.abort();
    await durable.close();
    controller = new AbortController();
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'call-journal-'));
    controller = new AbortController();
    store = new FakeJournalStore();
    now = T0;
    await start();
  });

  afterEach(async () => {
    controller.abort();
    await durable.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('journals an ended call with its recording and forgets it as in progress', async () => {
    journal.observe(activeView({ state: 'ringing', answeredAt: undefined }));
    journal.observe(activeView());
    await journal.settled();
    await active.flushed();
    expect(await readFile(active.path, 'utf8')).toContain('1741944600.17');

    journal.ended(endedView());
    await journal.settled();
    await durable.drained();
    await active.flushed();
    expect(store.rows.get(KEY)).toMatchObject({
      result: 'answered',
      talkSeconds: 60,
      recording: { url: 'https://pbx/in.wav' },
    });
    expect(JSON.parse(await readFile(active.path, 'utf8')).calls).toEqual([]);
  });

  it('writes no entry for a view that moved to another call, and forgets it as in progress', async () => {
    journal.observe(activeView({ state: 'dialling', answeredAt: undefined }));
    await journal.settled();
    journal.ended(endedView({ movedTo: '1741944599.3', result: undefined, talkSeconds: 0 }));
    await journal.settled();
    await durable.drained();
    await active.flushed();
    expect(store.rows.size).toBe(0);
    expect(JSON.parse(await readFile(active.path, 'utf8')).calls).toEqual([]);
  });

  it('asks the database itself when the call ended before the card lookup answered', async () => {
    journal.ended(endedView({ identity: NO_IDENTITY, lookup: 'pending' }));
    await journal.settled();
    await durable.drained();
    expect(store.rows.get(KEY)?.clientCode).toBe('12');
  });

  it('puts a transfer made during the call into the entry', async () => {
    store.down = true;
    journal.transferred(
      { callId: '1741944600.17', extension: '101' },
      { target: 'manager', to: '103', ok: true, at: T0 + 30_000 },
    );
    journal.ended(endedView());
    await journal.settled();
    store.down = false;
    await durable.drained();
    expect(store.rows.get(KEY)?.transfer).toMatchObject({ target: 'manager', to: '103' });
  });

  it('keeps a transfer noted before a helper restart in the entry of the call that goes on', async () => {
    const refused = {
      target: 'number',
      to: '103',
      ok: false,
      reason: 'not-connected',
      at: T0 + 30_000,
    } as const;
    journal.observe(activeView({ transfer: refused }));
    await crash();
    await start();
    // The run after the restart never heard of the transfer: its views carry none.
    journal.observe(activeView());
    journal.ended(endedView());
    await journal.settled();
    await durable.drained();
    expect(store.rows.get(KEY)?.transfer).toMatchObject({
      to: '103',
      ok: false,
      reason: 'not-connected',
    });
  });

  it('keeps the real answer time of a call that goes on across a helper restart', async () => {
    journal.observe(activeView({ startedAt: T0, answeredAt: T0 + 4_000 }));
    await crash();
    await start();
    expect(active.restored()).toHaveLength(1);
    // After the restart the tracker only knows when the channel was created and that it is up.
    journal.observe(activeView({ startedAt: T0 + 1_000, answeredAt: T0 + 50_000 }));
    expect(await journal.recover([{ callId: '1741944600.17', extension: '101' }])).toBe(0);
    journal.ended(
      endedView({
        startedAt: T0 + 1_000,
        answeredAt: T0 + 50_000,
        endedAt: T0 + 64_000,
        talkSeconds: 14,
      }),
    );
    await journal.settled();
    await durable.drained();
    expect(store.rows.get(KEY)).toMatchObject({
      startedAt: T0,
      answeredAt: T0 + 4_000,
      talkSeconds: 60,
      recovered: false,
    });
  });

  it('keeps the number dialled of a click-to-call that goes on across a helper restart', async () => {
    const dialled = { raw: '+79161234567', e164: '+79161234567', dbKey: '79161234567' };
    journal.observe(
      activeView({ state: 'ringing', direction: 'out', origin: 'click-to-call', remote: dialled }),
    );
    await crash();
    await start();
    // The resynced channel of the operator's phone no longer says whom it is calling.
    const unknown = { remote: { raw: '' }, origin: 'pbx', direction: 'internal' } as const;
    journal.observe(activeView({ ...unknown, identity: NO_IDENTITY, lookup: 'none' }));
    journal.ended(endedView({ ...unknown, identity: NO_IDENTITY, lookup: 'none' }));
    await journal.settled();
    await durable.drained();
    expect(store.rows.get(KEY)).toMatchObject({
      remote: dialled,
      origin: 'click-to-call',
      direction: 'out',
      result: 'answered',
    });
  });

  it('journals a call that ended while the helper was down, once', async () => {
    journal.observe(activeView({ startedAt: T0, answeredAt: T0 + 4_000 }));
    await crash();
    now = T0 + 34_000;
    await start();
    expect(await journal.recover([])).toBe(1);
    await durable.drained();
    expect(store.rows.get(KEY)).toMatchObject({
      result: 'answered',
      endedAt: T0 + 34_000,
      talkSeconds: 30,
      recovered: true,
      recording: { file: '/monitor/in.wav' },
    });
    await active.flushed();
    await crash();
    await start();
    expect(await journal.recover([])).toBe(0);
  });

  it('does not recover a call whose entry was spooled just before the crash', async () => {
    journal.observe(activeView());
    journal.ended(endedView());
    await crash();
    await start();
    expect(await journal.recover([])).toBe(0);
    await durable.drained();
    expect(store.rows.get(KEY)?.recovered).toBe(false);
    expect(store.entryWrites().get(KEY)).toBe(1);
  });

  const CALL = { callId: '1741944600.17', extension: '101' };
  const RESCHEDULED = {
    code: 'rescheduled',
    label: 'Доставка перенесена',
    note: 'В субботу',
    at: T0 + 30_000,
  };

  it('puts an outcome noted during the call into its entry, written once', async () => {
    journal.observe(activeView());
    await journal.settled();
    await journal.noted(CALL, RESCHEDULED);
    expect(durable.backlog()).toBe(0);
    expect(JSON.parse(await readFile(active.path, 'utf8')).calls[0].outcome).toEqual(RESCHEDULED);
    journal.ended(endedView());
    await journal.settled();
    await durable.drained();
    expect(store.rows.get(KEY)?.outcome).toEqual(RESCHEDULED);
    expect(store.writes.map((record) => record.kind)).toEqual(['entry']);
  });

  it('keeps an outcome noted during the call across a restart, for the entry and the card', async () => {
    journal.observe(activeView());
    await journal.settled();
    await journal.noted(CALL, RESCHEDULED);
    await crash();
    await start();
    expect(journal.restoredOutcomes()).toEqual([{ call: activeView(), outcome: RESCHEDULED }]);
    journal.observe(activeView());
    journal.ended(endedView());
    await journal.settled();
    await durable.drained();
    expect(store.rows.get(KEY)?.outcome).toEqual(RESCHEDULED);
  });

  it('records an outcome noted after the entry went out as an update of its row', async () => {
    journal.observe(activeView());
    journal.ended(endedView());
    await journal.settled();
    const later = { ...RESCHEDULED, at: T0 + 100_000 };
    store.down = true;
    await journal.noted(CALL, later);
    expect(durable.pendingOutcomes().get(KEY)).toEqual(later);
    store.down = false;
    await durable.drained();
    expect(store.writes.map((record) => record.kind)).toEqual(['entry', 'outcome']);
    expect(store.rows.get(KEY)?.outcome).toEqual(later);
  });

  it('takes an outcome noted while the ended call waits for its lookup into the entry', async () => {
    let answer: () => void = () => undefined;
    journal = new CallJournal({
      journal: durable,
      active,
      resolver: {
        lookup: () =>
          new Promise((resolve) => {
            answer = () => resolve({ state: 'done', identity: CLIENT });
          }),
      },
    });
    journal.observe(activeView({ identity: NO_IDENTITY, lookup: 'pending' }));
    await journal.settled();
    journal.ended(endedView({ identity: NO_IDENTITY, lookup: 'pending' }));
    await journal.noted(CALL, RESCHEDULED);
    answer();
    await journal.settled();
    await durable.drained();
    expect(store.writes.map((record) => record.kind)).toEqual(['entry']);
    expect(store.rows.get(KEY)).toMatchObject({ clientCode: '12', outcome: RESCHEDULED });
  });

  it('journals the outcome of a call that ended while the helper was down', async () => {
    journal.observe(activeView());
    await journal.settled();
    await journal.noted(CALL, RESCHEDULED);
    await crash();
    await start();
    expect(await journal.recover([])).toBe(1);
    await durable.drained();
    expect(store.rows.get(KEY)).toMatchObject({ recovered: true, outcome: RESCHEDULED });
  });
});
