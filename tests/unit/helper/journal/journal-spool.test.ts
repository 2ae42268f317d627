import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalRecord } from '../../../../helper/journal/entry';
import { JournalSpool, REJECTED_FILE, SPOOL_FILE } from '../../../../helper/journal/journal-spool';
import { encodeRecord } from '../../../../helper/journal/spool-format';
import { entry } from '../../../support/helper/journal/samples';

function record(callId: string): JournalRecord {
  return { kind: 'entry', entry: entry({ callId }) };
}

describe('JournalSpool', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'journal-spool-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives back, in order, what an earlier process appended', async () => {
    const first = new JournalSpool(dir);
    await first.open();
    await first.append([record('a'), record('b')]);
    await first.append([record('c')]);
    // No close(): the process is taken to have died here.
    const second = new JournalSpool(dir);
    const { records } = await second.open();
    expect(records.map((r) => (r.kind === 'entry' ? r.entry.callId : ''))).toEqual(['a', 'b', 'c']);
    await Promise.all([first.close(), second.close()]);
  });

  it('drops a line cut short by a crash and keeps appending after the last whole one', async () => {
    await writeFile(
      join(dir, SPOOL_FILE),
      encodeRecord(record('a')) + encodeRecord(record('b')).slice(0, 40),
    );
    const spool = new JournalSpool(dir);
    const { records, unreadable } = await spool.open();
    expect(records).toHaveLength(1);
    expect(unreadable).toBe(0);
    await spool.append([record('c')]);
    await spool.close();
    const again = new JournalSpool(dir);
    const reread = await again.open();
    expect(reread.records.map((r) => (r.kind === 'entry' ? r.entry.callId : ''))).toEqual([
      'a',
      'c',
    ]);
    await again.close();
  });

  it('sets a damaged line aside in the rejected file instead of replaying it', async () => {
    await writeFile(
      join(dir, SPOOL_FILE),
      encodeRecord(record('a')) + '{"v":1,"record":{"kind":"entry"}}\n' + encodeRecord(record('b')),
    );
    const spool = new JournalSpool(dir);
    const { records, unreadable } = await spool.open();
    expect(records).toHaveLength(2);
    expect(unreadable).toBe(1);
    expect(await readFile(join(dir, REJECTED_FILE), 'utf8')).toContain('"kind":"entry"');
    expect((await readFile(join(dir, SPOOL_FILE), 'utf8')).trim().split('\n')).toHaveLength(2);
    await spool.close();
  });

  it('empties on clear() and keeps only the given records on rewrite()', async () => {
    const spool = new JournalSpool(dir);
    await spool.open();
    await spool.append([record('a'), record('b'), record('c')]);
    await spool.rewrite([record('c')]);
    await spool.append([record('d')]);
    const lines = (await readFile(join(dir, SPOOL_FILE), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).record.entry.callId)).toEqual(['c', 'd']);
    await spool.clear();
    expect(await readFile(join(dir, SPOOL_FILE), 'utf8')).toBe('');
    await spool.close();
  });

  it('refuses to append before it is opened', async () => {
    const spool = new JournalSpool(dir);
    await expect(spool.append([record('a')])).rejects.toThrow(/call open\(\) first/);
  });
});
