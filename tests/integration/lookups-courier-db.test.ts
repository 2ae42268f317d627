import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCourierDb } from '../support/courier-db';
import {
  EXPECTED_LOOKUPS,
  FIXTURE_NUMBERS,
  type ExpectedLookups,
  type FixtureNumberName,
} from '../support/fixtures';

/** The four lookups of the source document (PRODUCT.md), with the number as a parameter. */
const RECIPIENT_COURIERS = `
  SELECT k.code, k.name, k.phonem, k.phonek
  FROM contacts c JOIN givn g ON g.address = c.Source JOIN kurier k ON k.code = g.kurier
  WHERE c.SourceCodeType = 3 AND g.State = 1 AND c.VALUE = ?`;

const COURIER_MANAGER = `
  SELECT k.code, k.name, u.extPhone AS managerext
  FROM contacts c JOIN kurier k ON k.code = c.Source JOIN users u ON u.user = k.manager
  WHERE c.SourceCodeType = 1 AND c.VALUE = ?`;

const CLIENT = `
  SELECT k.code, k.company, u.extPhone AS managerext, c.State
  FROM contacts c JOIN clients k ON k.code = c.Source LEFT JOIN users u ON u.user = k.manager
  WHERE c.SourceCodeType = 2 AND c.VALUE = ?`;

const SHIPMENTS = `
  SELECT * FROM contacts c JOIN address a ON a.code = c.Source
  JOIN zakaz b ON a.zakaz = b.code JOIN clients k ON k.code = b.source
  WHERE c.SourceCodeType = 3 AND a.date_put IS NULL AND c.VALUE = ?`;

/** The check the document says should come first: the number of a client's contact person. */
const CONTACT_PERSON = `
  SELECT f.code, f.name, f.position, k.code AS client, k.company, u.extPhone AS managerext, c.State
  FROM contacts c JOIN fio f ON f.code = c.Source JOIN clients k ON k.code = f.client
  LEFT JOIN users u ON u.user = k.manager
  WHERE c.SourceCodeType = 39 AND c.VALUE = ?`;

type Row = Record<string, unknown>;

let db: Connection;

beforeAll(async () => {
  db = await connectCourierDb('readOnly');
});

afterAll(async () => {
  await db?.end();
});

async function rows(sql: string, number: string): Promise<Row[]> {
  const [result] = await db.query<RowDataPacket[]>(sql, [number]);
  return [...result].sort((a, b) => Number(a.code) - Number(b.code));
}

async function shipments(number: string): Promise<ExpectedLookups['shipments']> {
  const [result] = await db.query<RowDataPacket[]>({ sql: SHIPMENTS, nestTables: true }, [number]);
  return result
    .map((row) => ({
      address: row.a.code,
      recipient: row.a.fio,
      deliveryAddress: row.a.address,
      order: row.b.code,
      orderNumber: row.b.number,
      client: row.k.code,
      company: row.k.company,
    }))
    .sort((x, y) => x.address - y.address);
}

const cases = (Object.keys(FIXTURE_NUMBERS) as FixtureNumberName[]).map((name) => ({
  name,
  number: FIXTURE_NUMBERS[name],
  expected: EXPECTED_LOOKUPS[name],
}));

describe('courier database lookups as courier_ro', () => {
  it.each(cases)('recipient → couriers holding the parcels: $name ($number)', async (c) => {
    expect(await rows(RECIPIENT_COURIERS, c.number)).toEqual(c.expected.recipientCouriers);
  });

  it.each(cases)('courier → manager extension: $name ($number)', async (c) => {
    expect(await rows(COURIER_MANAGER, c.number)).toEqual(c.expected.courierManager);
  });

  it.each(cases)('client → account manager and status: $name ($number)', async (c) => {
    expect(await rows(CLIENT, c.number)).toEqual(c.expected.client);
  });

  it.each(cases)('any caller → shipments in work: $name ($number)', async (c) => {
    expect(await shipments(c.number)).toEqual(c.expected.shipments);
  });

  it.each(cases)('contact person of a client (fio, 39): $name ($number)', async (c) => {
    expect(await rows(CONTACT_PERSON, c.number)).toEqual(c.expected.contactPerson);
  });

  it('finds a number through the (VALUE, SourceCodeType) index, not a table scan', async () => {
    const [plan] = await db.query<RowDataPacket[]>(`EXPLAIN ${RECIPIENT_COURIERS}`, [
      FIXTURE_NUMBERS.recipient,
    ]);
    const contacts = plan.find((step) => step.table === 'c');
    expect(contacts?.key).toBe('contacts_value_type');
  });

  it('the lookup account can read but not write', async () => {
    await expect(
      db.query('UPDATE contacts SET State = 0 WHERE VALUE = ?', [FIXTURE_NUMBERS.recipient]),
    ).rejects.toThrow(/command denied/i);
    const [grants] = await db.query<RowDataPacket[]>('SHOW GRANTS');
    const text = grants.map((g) => Object.values(g)[0]).join('\n');
    expect(text).toMatch(/GRANT SELECT ON `courier`\.\* TO `courier_ro`/);
    expect(text).not.toMatch(/INSERT|UPDATE|DELETE|ALL PRIVILEGES/);
  });
});
