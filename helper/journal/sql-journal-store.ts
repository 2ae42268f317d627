import { entryKey, type JournalEntry, type JournalRecord } from './entry';
import { entryParams, orderParams, outcomeParams, transferParams } from './entry-params';
import type { JournalDatabase, SqlSession } from './journal-database';
import type { JournalStore } from './journal-store';
import {
  insertRecoveredEntries,
  selectEntryIds,
  UPDATE_OUTCOME,
  UPDATE_TRANSFER,
  upsertEntries,
  upsertOrders,
} from './journal-sql';

/** Rows per multi-row statement: large enough to save round trips, small enough to stay cheap. */
const ROWS_PER_STATEMENT = 100;

type Segment =
  | { readonly kind: 'entries'; readonly recovered: boolean; readonly entries: JournalEntry[] }
  | { readonly kind: 'update'; readonly record: Exclude<JournalRecord, { kind: 'entry' }> };

/**
 * Consecutive entries of one kind go together; a transfer or an outcome keeps its place
 * between them, so it updates the row its entry wrote before it.
 */
function segments(records: readonly JournalRecord[]): Segment[] {
  const out: Segment[] = [];
  for (const record of records) {
    if (record.kind !== 'entry') {
      out.push({ kind: 'update', record });
      continue;
    }
    const last = out.at(-1);
    if (
      last?.kind === 'entries' &&
      last.recovered === record.entry.recovered &&
      last.entries.length < ROWS_PER_STATEMENT
    ) {
      last.entries.push(record.entry);
    } else {
      out.push({ kind: 'entries', recovered: record.entry.recovered, entries: [record.entry] });
    }
  }
  return out;
}

async function writeEntries(
  session: SqlSession,
  entries: readonly JournalEntry[],
  recovered: boolean,
): Promise<void> {
  const sql = recovered ? insertRecoveredEntries(entries.length) : upsertEntries(entries.length);
  await session.run(sql, entries.flatMap(entryParams));
  const withOrders = new Map<string, JournalEntry>();
  for (const entry of entries) {
    if (orderParams(0, entry).length > 0) withOrders.set(entryKey(entry), entry);
  }
  if (withOrders.size === 0) return;
  const keys = [...withOrders.values()].flatMap((entry) => [entry.callId, entry.extension]);
  const { rows } = await session.run(selectEntryIds(withOrders.size), keys);
  const params = rows.flatMap((row) => {
    const entry = withOrders.get(
      entryKey({ callId: String(row.call_id), extension: String(row.extension) }),
    );
    return entry === undefined ? [] : orderParams(Number(row.id), entry);
  });
  if (params.length > 0) await session.run(upsertOrders(params.length / 4), params);
}

async function writeUpdate(
  session: SqlSession,
  record: Exclude<JournalRecord, { kind: 'entry' }>,
): Promise<void> {
  const { callId, extension } = record;
  if (record.kind === 'transfer') {
    await session.run(UPDATE_TRANSFER, transferParams(callId, extension, record.transfer));
  } else {
    await session.run(UPDATE_OUTCOME, outcomeParams(callId, extension, record.outcome));
  }
}

/**
 * The journal tables of the courier database (db/migrations/). A batch
 * is one transaction of a few multi-row statements: the entries, their ids, their orders.
 */
export class SqlJournalStore implements JournalStore {
  constructor(private readonly database: JournalDatabase) {}

  async write(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.database.transaction(async (session) => {
      for (const segment of segments(records)) {
        if (segment.kind === 'entries') {
          await writeEntries(session, segment.entries, segment.recovered);
        } else {
          await writeUpdate(session, segment.record);
        }
      }
    });
  }
}
