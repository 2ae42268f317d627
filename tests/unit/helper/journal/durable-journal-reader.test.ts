import { describe, expect, it } from 'vitest';
import { MemoryJournal } from '../../../../helper/core/journal-reader';
import { DurableJournalReader } from '../../../../helper/journal/durable-journal-reader';
import type { JournalEntry } from '../../../../helper/journal/entry';
import { FakeJournalDatabase } from '../../../support/helper/journal/fake-database';
import { RECIPIENT, T0, endedView, entry } from '../../../support/helper/journal/samples';

function row(callId: string, startedAt: string, extra: Record<string, unknown> = {}) {
  return {
    call_id: callId,
    extension: '101',
    direction: 'in',
    origin: 'pbx',
    remote_raw: '79161234567',
    remote_e164: '+79161234567',
    remote_db_key: '79161234567',
    identity_json: JSON.stringify(RECIPIENT),
    started_at: startedAt,
    answered_at: null,
    ended_at: startedAt,
    talk_seconds: '0',
    result: 'no-answer',
    missed: 1,
    answered_by: null,
    recording_url: null,
    transfer_target: 'courier',
    transferred_to: '+79031112233',
    transfer_ok: 1,
    transferred_at: startedAt,
    transfer_message: null,
    ...extra,
  };
}

function reader(db: FakeJournalDatabase, pending: JournalEntry[] = []) {
  return new DurableJournalReader({
    database: db,
    extensions: () => ['101', '102'],
    pending: () => pending,
    fallback: new MemoryJournal(() => [endedView({ callId: 'memory' })]),
  });
}

describe('DurableJournalReader', () => {
  it("asks for the operator's extensions, missed ones, by digits, with every value bound", async () => {
    const db = new FakeJournalDatabase();
    await reader(db).query({
      id: 'q1',
      limit: 20,
      to: T0,
      missedOnly: true,
      search: '8 (916) 123-45-67',
    });
    const [statement] = db.statements;
    const sql = statement?.sql ?? '';
    expect(sql.match(/\(SELECT /g)).toHaveLength(2);
    expect(sql).toContain(' UNION ALL ');
    expect(sql).toContain('WHERE extension = ? AND started_at < ? AND missed = 1');
    expect(sql).toContain("LIKE CONCAT('%', ?, '%')");
    expect(sql).toMatch(/ORDER BY started_at DESC, call_id DESC LIMIT 21\)/);
    expect(sql).toMatch(/ORDER BY started_at DESC, call_id DESC, extension DESC LIMIT 21$/);
    const one = ['2025-03-14 09:30:00.000', '79161234567'];
    expect(statement?.params).toEqual(['101', ...one, '102', ...one]);
  });

  it('continues after the cursor: later start times, and on a tie the later call and extension', async () => {
    const db = new FakeJournalDatabase();
    await reader(db).query({
      id: 'q',
      cursor: { startedAt: T0, callId: 'c5', extension: '102' },
      from: T0 - 86_400_000,
    });
    const sql = db.statements[0]?.sql ?? '';
    // 101 sorts after 102, so its row of the same call is still to come; 102's is not.
    expect(sql).toContain(
      'extension = ? AND started_at >= ? AND (started_at < ? OR (started_at = ? AND call_id <= ?))',
    );
    expect(sql).toContain('(started_at < ? OR (started_at = ? AND call_id < ?))');
    const at = '2025-03-14 09:30:00.000';
    expect(db.statements[0]?.params).toEqual([
      '101',
      '2025-03-13 09:30:00.000',
      at,
      at,
      'c5',
      '102',
      '2025-03-13 09:30:00.000',
      at,
      at,
      'c5',
    ]);
  });

  it('searches a text in the name, the outcome, the note and the order, wildcards escaped', async () => {
    const db = new FakeJournalDatabase();
    await new DurableJournalReader({
      database: db,
      extensions: () => ['101'],
      pending: () => [],
    }).query({ id: 'q', search: ' 50%_Иван! ' });
    const statement = db.statements[0];
    expect(statement?.sql).toContain(
      "(remote_name LIKE ? ESCAPE '!' OR outcome_label LIKE ? ESCAPE '!' OR note LIKE ? ESCAPE '!' OR outcome_order_number LIKE ? ESCAPE '!')",
    );
    expect(statement?.sql).not.toContain('UNION');
    expect(statement?.params).toEqual(['101', ...Array(4).fill('%50!%!_Иван!!%')]);
  });

  it('turns rows into ended views with identity and transfer', async () => {
    const db = new FakeJournalDatabase();
    db.answer = () => ({ rows: [row('c1', '2025-03-14 09:30:00.000')] });
    const page = await reader(db).query({ id: 'q' });
    expect(page.entries[0]).toMatchObject({
      callId: 'c1',
      state: 'ended',
      startedAt: T0,
      result: 'no-answer',
      missed: true,
      lookup: 'done',
      identity: RECIPIENT,
      transfer: { target: 'courier', to: '+79031112233', ok: true, at: T0 },
    });
  });

  it('merges entries still in the spool, newest first, without duplicates', async () => {
    const db = new FakeJournalDatabase();
    db.answer = () => ({
      rows: [row('c2', '2025-03-14 09:31:00.000'), row('c1', '2025-03-14 09:30:00.000')],
    });
    const pending = [
      entry({ callId: 'c3', startedAt: T0 + 120_000 }),
      entry({ callId: 'c1', startedAt: T0, result: 'answered', missed: false }),
      entry({ callId: 'other', extension: '555', startedAt: T0 + 1 }),
    ];
    const page = await reader(db, pending).query({ id: 'q', limit: 2 });
    expect(page.entries.map((c) => c.callId)).toEqual(['c3', 'c2']);
    expect(page.hasMore).toBe(true);
    const all = await reader(db, pending).query({ id: 'q' });
    expect(all.entries.find((c) => c.callId === 'c1')?.result).toBe('answered');
    expect(all.entries.some((c) => c.callId === 'other')).toBe(false);
  });

  it('shows an outcome still in the spool on the row the database already has', async () => {
    const db = new FakeJournalDatabase();
    db.answer = () => ({ rows: [row('c1', '2025-03-14 09:30:00.000')] });
    const outcome = { code: 'rescheduled', label: 'Доставка перенесена', at: T0 + 90_000 };
    const page = await new DurableJournalReader({
      database: db,
      extensions: () => ['101'],
      pending: () => [],
      pendingOutcomes: () => new Map([['c1|101', outcome]]),
    }).query({ id: 'q' });
    expect(page.entries[0]?.outcome).toEqual(outcome);
  });

  it('reads the outcome columns back', async () => {
    const db = new FakeJournalDatabase();
    db.answer = () => ({
      rows: [
        row('c1', '2025-03-14 09:30:00.000', {
          outcome: 'rescheduled',
          outcome_label: 'Доставка перенесена',
          note: 'В субботу',
          outcome_order_code: '7001',
          outcome_order_number: 'RM-7001',
          noted_at: '2025-03-14 09:32:00.000',
        }),
      ],
    });
    const page = await reader(db).query({ id: 'q' });
    expect(page.entries[0]?.outcome).toEqual({
      code: 'rescheduled',
      label: 'Доставка перенесена',
      note: 'В субботу',
      order: { code: '7001', number: 'RM-7001' },
      at: T0 + 120_000,
    });
  });

  it("falls back to the hub's memory and the spool when the database cannot answer", async () => {
    const db = new FakeJournalDatabase();
    db.failQuery = new Error('connect ECONNREFUSED');
    const page = await reader(db, [entry({ callId: 'spooled', startedAt: T0 + 5 })]).query({
      id: 'q',
    });
    expect(page.entries.map((c) => c.callId)).toEqual(['spooled', 'memory']);
  });
});
