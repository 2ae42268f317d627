import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCourierDb } from '../../harness/courier-db/generate-courier-db';
import { connectCourierDb } from '../support/courier-db';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';

const TABLES = ['users', 'kurier', 'clients', 'fio', 'zakaz', 'address', 'givn', 'contacts'];

let root: Connection;

beforeAll(async () => {
  root = await connectCourierDb('root');
});

afterAll(async () => {
  await root.query('DROP DATABASE IF EXISTS courier_same_seed');
  await root.query('DROP DATABASE IF EXISTS courier_other_seed');
  await root.end();
});

async function checksums(database: string): Promise<Record<string, unknown>> {
  const [rows] = await root.query<RowDataPacket[]>(
    `CHECKSUM TABLE ${TABLES.map((t) => `\`${database}\`.\`${t}\``).join(', ')}`,
  );
  return Object.fromEntries(rows.map((row) => [String(row.Table).split('.')[1], row.Checksum]));
}

async function regenerate(database: string, seed: number): Promise<void> {
  const { mariadb } = harnessInfo();
  await generateCourierDb({
    target: { host: mariadb.host, port: mariadb.port, user: mariadb.root.user },
    contacts: 3_000,
    seed,
    database,
    replace: true,
  });
}

describe('generated courier database', () => {
  it('holds exactly the requested number of contacts', async () => {
    const [[row]] = await root.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM contacts');
    expect(row?.n).toBe(3_000);
  });

  it('stores numbers as digits only, in Russian and Kazakh forms', async () => {
    const [rows] = await root.query<RowDataPacket[]>(
      `SELECT SUM(VALUE NOT REGEXP '^7[0-9]{10}$') AS malformed,
              SUM(VALUE LIKE '79%') AS mobiles, SUM(VALUE REGEXP '^749[59]') AS moscow,
              SUM(VALUE REGEXP '^77[0-9]{2}') AS kazakh FROM contacts`,
    );
    const counts = rows[0] as Record<string, string>;
    expect(Number(counts.malformed)).toBe(0);
    for (const kind of ['mobiles', 'moscow', 'kazakh'])
      expect(Number(counts[kind])).toBeGreaterThan(0);
  });

  it('gives random owners none of the well-known numbers', async () => {
    const [rows] = await root.query<RowDataPacket[]>(
      'SELECT VALUE, COUNT(*) AS n FROM contacts WHERE VALUE IN (?) GROUP BY VALUE',
      [Object.values(FIXTURE_NUMBERS)],
    );
    const counts = Object.fromEntries(rows.map((row) => [row.VALUE, row.n]));
    expect(counts).toEqual({
      [FIXTURE_NUMBERS.recipient]: 3,
      [FIXTURE_NUMBERS.kazakhRecipient]: 1,
      [FIXTURE_NUMBERS.courierMobile]: 1,
      [FIXTURE_NUMBERS.clientMain]: 1,
      [FIXTURE_NUMBERS.clientWithoutManager]: 1,
      [FIXTURE_NUMBERS.contactPerson]: 1,
    });
  });

  it('writes extensions as the cabinet does: 101 or 101,102', async () => {
    const [rows] = await root.query<RowDataPacket[]>(
      'SELECT user, extPhone FROM users WHERE extPhone IS NOT NULL',
    );
    for (const row of rows) expect(row.extPhone).toMatch(/^\d{3}(,\d{3})?$/);
    expect(rows.find((row) => row.user === WELL_KNOWN.users.operator.user)?.extPhone).toBe(
      '101,102',
    );
  });

  it('is the same for the same seed and differs for another seed', async () => {
    await regenerate('courier_same_seed', 1);
    await regenerate('courier_other_seed', 2);
    const original = await checksums('courier');
    expect(await checksums('courier_same_seed')).toEqual(original);
    const other = await checksums('courier_other_seed');
    expect(other.contacts).not.toEqual(original.contacts);
  });
});
