import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, Identity } from '../../shared/protocol';
import type { JournalQuery } from '../../helper/core/helper-api';
import { cursorOf, parseSearch } from '../../helper/core/journal-reader';
import { DurableJournalReader } from '../../helper/journal/durable-journal-reader';
import type { JournalEntry, JournalRecord } from '../../helper/journal/entry';
import type { SqlValue } from '../../helper/journal/journal-database';
import { journalPageQuery } from '../../helper/journal/journal-page-sql';
import { MysqlJournalDatabase } from '../../helper/journal/mysql-journal-database';
import { SqlJournalStore } from '../../helper/journal/sql-journal-store';
import { harnessInfo } from '../support/harness-info';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';

/** Extensions of this file only, so the rows other files journal do not count. */
const OPERATOR = '7101';
const SECOND = '7102';
const OTHERS = Array.from({ length: 40 }, (_, i) => String(7200 + i));
const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
const DAY = 86_400_000;
const CALLS = 120;

const NAMES = ['Иванова Мария', 'Петров Пётр', 'ООО «Ромашка»', 'Сидоров Олег'];

function identityOf(i: number): Identity {
  const name = NAMES[i % NAMES.length] ?? '';
  if (name.startsWith('ООО')) {
    return {
      clients: [{ code: String(100 + i), company: name }],
      couriers: [],
      deliveries: [],
    };
  }
  return {
    clients: [],
    couriers: [],
    deliveries: [
      {
        addressCode: String(50_000 + i),
        orderCode: String(70_000 + i),
        orderNumber: `RM-${70_000 + i}`,
        recipientName: name,
      },
    ],
  };
}

/** A call of the operator every 6 hours, newest last; every tenth has an outcome and a note. */
function operatorEntry(i: number, extension = OPERATOR): JournalEntry {
  const startedAt = T0 + i * 6 * 3_600_000;
  const number = `7916${String(1_000_000 + i).padStart(7, '0')}`;
  return {
    callId: `pages-${String(i).padStart(4, '0')}`,
    extension,
    direction: i % 3 === 0 ? 'out' : 'in',
    origin: 'pbx',
    remote: { raw: number, e164: `+${number}`, dbKey: number },
    orders: [],
    identity: identityOf(i),
    startedAt,
    answeredAt: startedAt + 3_000,
    endedAt: startedAt + 63_000,
    talkSeconds: 60,
    result: 'answered',
    missed: false,
    recovered: false,
    ...(i % 10 === 0
      ? {
          outcome: {
            code: 'rescheduled',
            label: 'Доставка перенесена',
            note: `Перенос №${i} на субботу`,
            at: startedAt + 70_000,
          },
        }
      : {}),
  };
}

let root: Connection;
let database: MysqlJournalDatabase;

function reader(extensions: readonly string[]): DurableJournalReader {
  return new DurableJournalReader({ database, extensions: () => extensions, pending: () => [] });
}

/** Every page of a query, following the cursor the way the popup does. */
async function allPages(
  extensions: readonly string[],
  query: Omit<JournalQuery, 'id'>,
): Promise<{ calls: CallView[]; pages: number }> {
  const calls: CallView[] = [];
  let pages = 0;
  let cursor: JournalQuery['cursor'];
  for (;;) {
    const page = await reader(extensions).query({
      id: 'q',
      ...query,
      ...(cursor ? { cursor } : {}),
    });
    pages += 1;
    calls.push(...page.entries);
    const last = page.entries.at(-1);
    if (!page.hasMore || last === undefined) return { calls, pages };
    cursor = cursorOf(last);
  }
}

async function explain(sql: string, params: readonly SqlValue[]): Promise<RowDataPacket[]> {
  const [rows] = await root.query<RowDataPacket[]>(`EXPLAIN ${sql}`, [...params]);
  return rows;
}

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  root = await connectRoot();
  const { mariadb } = harnessInfo();
  database = new MysqlJournalDatabase({
    host: mariadb.host,
    port: mariadb.port,
    database: mariadb.database,
    ...JOURNAL_ACCOUNT,
  });
  // The journal's own writer puts the rows in, as the helper would.
  const store = new SqlJournalStore(database);
  const records: JournalRecord[] = [];
  for (let i = 0; i < CALLS; i++) records.push({ kind: 'entry', entry: operatorEntry(i) });
  // A second extension of the same operator, with a call starting at the same moment.
  for (let i = 0; i < 10; i++) {
    records.push({ kind: 'entry', entry: operatorEntry(i * 7, SECOND) });
  }
  // Other operators' calls, so the plans below are the ones of a shared journal.
  for (const extension of OTHERS) {
    for (let i = 0; i < 100; i++)
      records.push({ kind: 'entry', entry: operatorEntry(i, extension) });
  }
  for (let at = 0; at < records.length; at += 200) await store.write(records.slice(at, at + 200));
  await root.query('ANALYZE TABLE call_journal');
}, 120_000);

afterAll(async () => {
  await root?.query('DELETE FROM call_journal WHERE extension IN (?)', [
    [OPERATOR, SECOND, ...OTHERS],
  ]);
  await root?.end();
  await database?.close();
});

describe('the popup journal against MariaDB', () => {
  it('pages through all 120 calls of the operator, newest first, each once', async () => {
    const { calls, pages } = await allPages([OPERATOR], { limit: 30 });
    expect(pages).toBe(4);
    expect(calls).toHaveLength(CALLS);
    expect(new Set(calls.map((call) => call.callId)).size).toBe(CALLS);
    expect(calls[0]?.callId).toBe('pages-0119');
    expect(calls.at(-1)?.callId).toBe('pages-0000');
    const starts = calls.map((call) => call.startedAt);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it("merges the operator's extensions in one order, a call on both kept twice", async () => {
    const { calls } = await allPages([OPERATOR, SECOND], { limit: 7 });
    expect(calls).toHaveLength(CALLS + 10);
    const keys = calls.map((call) => `${call.callId}|${call.extension}`);
    expect(new Set(keys).size).toBe(keys.length);
    const both = calls.filter((call) => call.callId === 'pages-0063');
    expect(both.map((call) => call.extension)).toEqual([SECOND, OPERATOR]);
  });

  it('finds the calls of a name, and of an outcome or a note, through every page', async () => {
    const ivanova = await allPages([OPERATOR], { limit: 10, search: 'иванова' });
    expect(ivanova.calls).toHaveLength(CALLS / NAMES.length);
    expect(
      ivanova.calls.every((call) => call.identity.deliveries[0]?.recipientName === 'Иванова Мария'),
    ).toBe(true);
    const romashka = await allPages([OPERATOR], { search: 'Ромашка' });
    expect(romashka.calls).toHaveLength(CALLS / NAMES.length);
    const noted = await allPages([OPERATOR], { search: 'суббот' });
    expect(noted.calls).toHaveLength(CALLS / 10);
    expect(noted.calls[0]?.outcome).toMatchObject({
      code: 'rescheduled',
      label: 'Доставка перенесена',
      note: 'Перенос №110 на субботу',
    });
    const percent = await allPages([OPERATOR], { search: '%' });
    expect(percent.calls).toEqual([]);
  });

  it('finds a number in any writing', async () => {
    const { calls } = await allPages([OPERATOR], { search: '8 (916) 100-00-42' });
    expect(calls.map((call) => call.callId)).toEqual(['pages-0042']);
  });

  it('keeps to a date range, from inclusive and to exclusive, through every page', async () => {
    const from = T0 + 10 * DAY;
    const to = T0 + 12 * DAY;
    const { calls, pages } = await allPages([OPERATOR], { limit: 3, from, to });
    expect(pages).toBe(3);
    expect(calls.map((call) => call.callId)).toEqual(
      Array.from({ length: 8 }, (_, i) => `pages-${String(47 - i).padStart(4, '0')}`),
    );
    const narrowed = await allPages([OPERATOR], { from, to, search: 'Петров' });
    expect(narrowed.calls.map((call) => call.callId)).toEqual(['pages-0045', 'pages-0041']);
  });

  it('reads each page along the pages index, without sorting the journal', async () => {
    const page = (search?: string) =>
      journalPageQuery({
        extensions: [OPERATOR],
        limit: 30,
        cursor: { startedAt: T0 + 20 * DAY, callId: 'pages-0080', extension: OPERATOR },
        from: T0,
        to: T0 + 25 * DAY,
        search: parseSearch(search),
      });
    for (const query of [page(), page('Иванова'), page('8 916 100')]) {
      const [plan] = await explain(query.sql, query.params);
      expect(plan).toMatchObject({ table: 'call_journal', key: 'ix_call_journal_pages' });
      expect(String(plan?.type)).toMatch(/^(range|ref)$/);
      expect(String(plan?.Extra ?? '')).not.toContain('filesort');
    }
    const both = journalPageQuery({ extensions: [OPERATOR, SECOND], limit: 30, search: undefined });
    const plans = await explain(both.sql, both.params);
    const reads = plans.filter((row) => row.table === 'call_journal');
    expect(reads).toHaveLength(2);
    for (const read of reads) {
      expect(read).toMatchObject({ key: 'ix_call_journal_pages' });
      expect(String(read.Extra ?? '')).not.toContain('filesort');
    }
  });
});
