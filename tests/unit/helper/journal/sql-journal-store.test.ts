import { describe, expect, it } from 'vitest';
import { ENTRY_COLUMNS } from '../../../../helper/journal/journal-sql';
import { SqlJournalStore } from '../../../../helper/journal/sql-journal-store';
import { FakeJournalDatabase } from '../../../support/helper/journal/fake-database';
import { CLIENT, T0, entry } from '../../../support/helper/journal/samples';

function column(params: readonly unknown[], name: (typeof ENTRY_COLUMNS)[number]): unknown {
  return params[ENTRY_COLUMNS.indexOf(name)];
}

describe('SqlJournalStore', () => {
  it('upserts an entry keyed by call and extension with every value as a parameter', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([
      { kind: 'entry', entry: entry({ callId: "x'); DROP TABLE call_journal; --" }) },
    ]);
    const [upsert] = db.statements;
    expect(upsert?.sql).toMatch(/^INSERT INTO call_journal \(call_id, extension,/);
    expect(upsert?.sql).toContain('ON DUPLICATE KEY UPDATE direction = VALUES(direction)');
    expect(upsert?.sql).not.toContain('DROP');
    expect(upsert?.params).toHaveLength(ENTRY_COLUMNS.length);
    expect(column(upsert?.params ?? [], 'call_id')).toBe("x'); DROP TABLE call_journal; --");
    expect(column(upsert?.params ?? [], 'started_at')).toBe('2025-03-14 09:30:00.000');
    expect(column(upsert?.params ?? [], 'talk_seconds')).toBe(60);
    expect(column(upsert?.params ?? [], 'missed')).toBe(0);
  });

  it('keeps a recording or transfer written earlier when a later write lacks them', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([{ kind: 'entry', entry: entry() }]);
    const sql = db.statements[0]?.sql ?? '';
    expect(sql).toContain('recording_url = COALESCE(VALUES(recording_url), recording_url)');
    expect(sql).toContain('transferred_to = COALESCE(VALUES(transferred_to), transferred_to)');
    expect(sql).toContain('result = VALUES(result)');
  });

  it('never lets a recovered entry replace one written from the PBX', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([{ kind: 'entry', entry: entry({ recovered: true }) }]);
    expect(db.statements[0]?.sql).toMatch(/ON DUPLICATE KEY UPDATE id = id$/);
  });

  it('writes a batch in few statements and links the orders by the ids of their entries', async () => {
    const db = new FakeJournalDatabase();
    db.answer = (s) =>
      s.sql.startsWith('SELECT id')
        ? { rows: [{ id: '42', call_id: '1741944600.17', extension: '101' }] }
        : {};
    await new SqlJournalStore(db).write([
      {
        kind: 'entry',
        entry: entry({
          orders: [
            { addressCode: '5001', orderCode: '7001', courierCode: '31' },
            { addressCode: 'A-1', orderCode: '7002' },
          ],
        }),
      },
    ]);
    const orders = db.statements.find((s) => s.sql.startsWith('INSERT INTO call_journal_orders'));
    expect(orders?.params).toEqual([42, 5001, 7001, 31]);
    expect(orders?.sql).toContain('ON DUPLICATE KEY UPDATE');
    expect(db.statements.map((s) => s.sql.split(' ').slice(0, 3).join(' '))).toEqual([
      'INSERT INTO call_journal',
      'SELECT id, call_id,',
      'INSERT INTO call_journal_orders',
    ]);
  });

  it('keeps the order of entries and transfers, grouping entries into multi-row statements', async () => {
    const db = new FakeJournalDatabase();
    const transfer = { target: 'manager' as const, to: '103', ok: true, at: T0 };
    await new SqlJournalStore(db).write([
      { kind: 'entry', entry: entry({ callId: 'a' }) },
      { kind: 'entry', entry: entry({ callId: 'b' }) },
      { kind: 'transfer', callId: 'b', extension: '101', transfer },
      { kind: 'entry', entry: entry({ callId: 'c', recovered: true }) },
      { kind: 'entry', entry: entry({ callId: 'd' }) },
    ]);
    expect(db.transactions).toHaveLength(1);
    const summary = db.statements.map((s) => [
      s.sql.split(' ')[0],
      s.params.filter((p) => typeof p === 'string' && /^[a-d]$/.test(p)),
    ]);
    expect(summary).toEqual([
      ['INSERT', ['a', 'b']],
      ['UPDATE', ['b']],
      ['INSERT', ['c']],
      ['INSERT', ['d']],
    ]);
  });

  it('writes codes that are not numeric as NULL, keeping them in the identity', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([
      { kind: 'entry', entry: entry({ clientCode: 'K-12', courierCode: '77' }) },
    ]);
    const params = db.statements[0]?.params ?? [];
    expect(column(params, 'client_code')).toBeNull();
    expect(column(params, 'courier_code')).toBe(77);
  });

  it('updates the transfer of a row already written, in the same transaction as the batch', async () => {
    const db = new FakeJournalDatabase();
    db.answer = () => ({ insertId: 9 });
    await new SqlJournalStore(db).write([
      { kind: 'entry', entry: entry() },
      {
        kind: 'transfer',
        callId: '1741944600.17',
        extension: '101',
        transfer: {
          target: 'courier',
          mode: 'attended',
          to: '+79031112233',
          ok: false,
          at: T0,
          reason: 'target-busy',
          message: 'busy',
        },
      },
    ]);
    expect(db.transactions).toHaveLength(1);
    const update = db.statements.at(-1);
    expect(update?.sql).toMatch(
      /^UPDATE call_journal SET transfer_target = \?, transfer_mode = \?/,
    );
    expect(update?.params).toEqual([
      'courier',
      'attended',
      '+79031112233',
      0,
      'target-busy',
      '2025-03-14 09:30:00.000',
      'busy',
      '1741944600.17',
      '101',
    ]);
  });

  it('writes a transfer spooled before attended transfers existed as blind, without a reason', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([
      {
        kind: 'transfer',
        callId: '1741944600.17',
        extension: '101',
        transfer: { target: 'manager', to: '103', ok: true, at: T0 },
      },
    ]);
    expect(db.statements.at(-1)?.params.slice(0, 5)).toEqual(['manager', 'blind', '103', 1, null]);
  });

  it('writes the outcome, the note, the tied order and the names on the entry', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([
      {
        kind: 'entry',
        entry: entry({
          identity: CLIENT,
          outcome: {
            code: 'rescheduled',
            label: 'Доставка перенесена',
            note: 'В субботу\nс 10 до 14',
            order: { code: '7001', number: 'RM-7001' },
            at: T0 + 90_000,
          },
        }),
      },
    ]);
    const params = db.statements[0]?.params ?? [];
    expect(column(params, 'outcome')).toBe('rescheduled');
    expect(column(params, 'outcome_label')).toBe('Доставка перенесена');
    expect(column(params, 'note')).toBe('В субботу\nс 10 до 14');
    expect(column(params, 'outcome_order_code')).toBe(7001);
    expect(column(params, 'outcome_order_number')).toBe('RM-7001');
    expect(column(params, 'noted_at')).toBe('2025-03-14 09:31:30.000');
    expect(column(params, 'remote_name')).toBe('ООО «Ромашка», Мария');
  });

  it('lets an entry without an outcome keep the one noted on the row before', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([{ kind: 'entry', entry: entry() }]);
    const sql = db.statements[0]?.sql ?? '';
    for (const name of ['outcome', 'note', 'noted_at']) {
      expect(sql).toContain(`${name} = IF(VALUES(noted_at) IS NULL, ${name}, VALUES(${name}))`);
    }
    expect(column(db.statements[0]?.params ?? [], 'noted_at')).toBeNull();
  });

  it('updates the outcome of a row already written, after its entry in the same transaction', async () => {
    const db = new FakeJournalDatabase();
    await new SqlJournalStore(db).write([
      { kind: 'entry', entry: entry() },
      {
        kind: 'outcome',
        callId: '1741944600.17',
        extension: '101',
        outcome: { note: 'Перезвонить завтра', at: T0 + 120_000 },
      },
    ]);
    expect(db.transactions).toHaveLength(1);
    const update = db.statements.at(-1);
    expect(update?.sql).toBe(
      'UPDATE call_journal SET outcome = ?, outcome_label = ?, note = ?, outcome_order_code = ?, ' +
        'outcome_order_number = ?, noted_at = ? WHERE call_id = ? AND extension = ?',
    );
    expect(update?.params).toEqual([
      null,
      null,
      'Перезвонить завтра',
      null,
      null,
      '2025-03-14 09:32:00.000',
      '1741944600.17',
      '101',
    ]);
  });
});
