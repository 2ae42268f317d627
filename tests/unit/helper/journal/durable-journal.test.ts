import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJournal, type JournalHealth } from '../../../../helper/journal/durable-journal';
import type { JournalRecord } from '../../../../helper/journal/entry';
import { SpoolFullError } from '../../../../helper/journal/errors';
import { JournalSpool, REJECTED_FILE, SPOOL_FILE } from '../../../../helper/journal/journal-spool';
import { FakeJournalStore, FillableSpool } from '../../../support/helper/journal/fake-store';
import { entry } from '../../../support/helper/journal/samples';

const FAST_RETRY = { initialMs: 5, maxMs: 20, factor: 2 };

function record(callId: string, extension = '101'): JournalRecord {
  return { kind: 'entry', entry: entry({ callId, extension }) };
}

function readFileSyncSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('DurableJournal', () => {
  let dir: string;
  let controller: AbortController;
  const journals: DurableJournal[] = [];

  function open(
    store: FakeJournalStore,
    extra: Partial<ConstructorParameters<typeof DurableJournal>[0]> = {},
  ) {
    const journal = new DurableJournal({
      store,
      spool: new JournalSpool(dir),
      signal: controller.signal,
      retry: FAST_RETRY,
      ...extra,
    });
    journals.push(journal);
    return journal;
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'durable-journal-'));
    controller = new AbortController();
  });

  afterEach(async () => {
    controller.abort();
    await Promise.all(journals.splice(0).map((journal) => journal.close()));
    await rm(dir, { recursive: true, force: true });
  });

  it('writes records in order and leaves the spool empty', async () => {
    const store = new FakeJournalStore();
    const journal = open(store);
    await journal.start();
    await Promise.all(['a', 'b', 'c'].map((id) => journal.record(record(id))));
    await journal.drained();
    expect(store.writes.map((r) => (r.kind === 'entry' ? r.entry.callId : ''))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(await readFile(join(dir, SPOOL_FILE), 'utf8')).toBe('');
    expect(journal.pending()).toEqual([]);
  });

  it('keeps records spooled while the database is down and writes each once when it returns', async () => {
    const store = new FakeJournalStore();
    store.down = true;
    const health: JournalHealth[] = [];
    const journal = open(store, { onHealth: (h) => health.push(h) });
    await journal.start();
    for (const id of ['a', 'b', 'c']) await journal.record(record(id));
    await until(
      () => health.some((h) => h.database === 'waiting' && h.pending === 3),
      'the waiting state',
    );
    expect(journal.pending().map((e) => e.callId)).toEqual(['a', 'b', 'c']);
    expect((await readFile(join(dir, SPOOL_FILE), 'utf8')).trim().split('\n')).toHaveLength(3);

    store.down = false;
    await journal.drained();
    expect([...store.entryWrites().values()]).toEqual([1, 1, 1]);
    expect(health.at(-1)).toEqual({ database: 'ok', spool: 'ok', pending: 0 });
    expect(await readFile(join(dir, SPOOL_FILE), 'utf8')).toBe('');
  });

  it('keeps records the full disk refused and writes each once, to the database directly', async () => {
    const store = new FakeJournalStore();
    store.down = true;
    const spool = new FillableSpool(dir);
    const health: JournalHealth[] = [];
    const journal = open(store, { spool, onHealth: (h) => health.push(h) });
    await journal.start();
    spool.full = true;
    for (const id of ['a', 'b']) {
      await expect(journal.record(record(id))).rejects.toThrow(/is full: the call is kept/);
    }
    await until(
      () => health.some((h) => h.spool === 'full' && h.pending === 2),
      'the disk-full state',
    );
    expect(journal.pending().map((e) => e.callId)).toEqual(['a', 'b']);
    store.down = false;
    await journal.drained();
    expect([...store.entryWrites().values()]).toEqual([1, 1]);
    expect(health.at(-1)).toEqual({ database: 'ok', spool: 'ok', pending: 0 });
    expect(await readFile(join(dir, SPOOL_FILE), 'utf8')).toBe('');
  });

  it('appends the records the full disk refused once it has room again', async () => {
    const store = new FakeJournalStore();
    store.down = true;
    const spool = new FillableSpool(dir);
    const journal = open(store, { spool });
    await journal.start();
    spool.full = true;
    await expect(journal.record(record('a'))).rejects.toThrow(SpoolFullError);
    spool.full = false;
    await until(
      () => readFileSyncSafe(join(dir, SPOOL_FILE)).includes('"callId":"a"'),
      'the record in the spool',
    );
    store.down = false;
    await journal.drained();
    expect([...store.entryWrites().values()]).toEqual([1]);
  });

  it('replays the spool of a process that died during an outage, in order', async () => {
    const store = new FakeJournalStore();
    store.down = true;
    const dead = open(store);
    await dead.start();
    await dead.record(record('a'));
    await dead.record(record('b'));
    controller.abort();
    await dead.close();

    controller = new AbortController();
    store.down = false;
    const restarted = open(store);
    expect(await restarted.start()).toEqual({ replayed: 2, unreadable: 0 });
    await restarted.record(record('c'));
    await restarted.drained();
    expect(store.writes.map((r) => (r.kind === 'entry' ? r.entry.callId : ''))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('lets a replay of records committed before a crash change nothing', async () => {
    const store = new FakeJournalStore();
    const first = open(store);
    await first.start();
    await first.record(record('a'));
    await first.drained();
    // The crash came after the commit and before the spool was emptied.
    const spool = new JournalSpool(dir);
    await spool.open();
    await spool.append([record('a')]);
    await spool.close();
    controller.abort();
    await first.close();

    controller = new AbortController();
    const second = open(store);
    await second.start();
    await second.drained();
    expect(store.rows.size).toBe(1);
  });

  it('sets aside a record the database refuses and writes the rest', async () => {
    const store = new FakeJournalStore();
    store.refuse = (r) => r.kind === 'entry' && r.entry.callId === 'bad';
    const errors: string[] = [];
    const journal = open(store, { onError: (_e, context) => errors.push(context) });
    await journal.start();
    await Promise.all(['a', 'bad', 'c'].map((id) => journal.record(record(id))));
    await journal.drained();
    expect([...store.rows.keys()]).toEqual(['a|101', 'c|101']);
    expect(await readFile(join(dir, REJECTED_FILE), 'utf8')).toContain('"callId":"bad"');
    expect(errors.some((e) => e.includes('refused'))).toBe(true);
  });

  it('applies a transfer noted before its entry on top of the pending entry', async () => {
    const store = new FakeJournalStore();
    store.down = true;
    const journal = open(store);
    await journal.start();
    await journal.record(record('a'));
    await journal.record({
      kind: 'transfer',
      callId: 'a',
      extension: '101',
      transfer: { target: 'manager', to: '103', ok: true, at: 1 },
    });
    expect(journal.pending()[0]?.transfer?.to).toBe('103');
    store.down = false;
    await journal.drained();
    expect(store.rows.get('a|101')?.transfer?.to).toBe('103');
  });

  it('keeps an outcome in the spool across a restart and applies it after its entry', async () => {
    const store = new FakeJournalStore();
    store.down = true;
    const first = open(store);
    await first.start();
    await first.record(record('a'));
    const outcome = { code: 'not-reached', label: 'Не дозвонились', at: 7 };
    await first.record({ kind: 'outcome', callId: 'a', extension: '101', outcome });
    expect(first.pending()[0]?.outcome).toEqual(outcome);
    expect(first.pendingOutcomes()).toEqual(new Map([['a|101', outcome]]));
    await first.close();

    const second = open(store);
    expect(await second.start()).toEqual({ replayed: 2, unreadable: 0 });
    store.down = false;
    await second.drained();
    expect(store.rows.get('a|101')?.outcome).toEqual(outcome);
    expect(store.writes.map((written) => written.kind)).toEqual(['entry', 'outcome']);
    expect(second.pendingOutcomes().size).toBe(0);
  });

  it('cuts the committed part of the spool while newer records keep coming', async () => {
    const store = new FakeJournalStore();
    let rewrites = 0;
    const spool = new (class extends JournalSpool {
      override rewrite(records: readonly JournalRecord[]): Promise<void> {
        rewrites += 1;
        return super.rewrite(records);
      }
    })(dir);
    const journal = open(store, { compactAfter: 3, batchSize: 2, spool });
    await journal.start();
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    await Promise.all(ids.map((id) => journal.record(record(id))));
    await journal.drained();
    expect(store.rows.size).toBe(20);
    expect(rewrites).toBeGreaterThan(0);
    expect([...store.entryWrites().values()].every((count) => count === 1)).toBe(true);
    expect(await readFile(join(dir, SPOOL_FILE), 'utf8')).toBe('');
  });

  it('refuses records after close()', async () => {
    const journal = open(new FakeJournalStore());
    await journal.start();
    await journal.close();
    await expect(journal.record(record('a'))).rejects.toThrow(/closed/);
  });
});
