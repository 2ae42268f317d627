import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../../../helper/config/defaults';
import type { HelperConfig } from '../../../../../helper/config/types';
import type {
  DoctorDatabase,
  DoctorDatabaseFactory,
} from '../../../../../helper/workstation/doctor/doctor-database';
import { seatAccount } from '../../../../../helper/workstation/doctor/seat-account-check';

const SECRET = 'office-ami-secret';

function seatConfig(user: string, operator: Partial<HelperConfig['operator']>) {
  return {
    pbx: { host: 'pbx.office.lan', port: 5038, user, secret: SECRET },
    operator: { extensions: [], user: '', ...operator },
    database: { ...DEFAULTS.database, host: 'db.office.lan', user: 'courier_ro' },
    lookup: DEFAULTS.lookup,
  };
}

/** The cabinet's users.extPhone, by login; every statement and its parameters are kept. */
function cabinet(extPhone: Readonly<Record<string, string>>, failWith?: Error) {
  const asked: unknown[][] = [];
  let closed = 0;
  const factory: DoctorDatabaseFactory = (): DoctorDatabase => ({
    execute: async (sql, params) => {
      asked.push([sql, ...params]);
      if (failWith) throw failWith;
      const found = extPhone[String(params[0])];
      return { rows: found === undefined ? [] : [{ extensions: found }], columns: ['extensions'] };
    },
    query: () => Promise.reject(new Error('not used')),
    close: async () => {
      closed += 1;
    },
  });
  return { factory, asked, closed: () => closed };
}

describe("the doctor's seat account", () => {
  it('says nothing and keeps pbx.user when it is a fixed name', async () => {
    const db = cabinet({});
    const config = seatConfig('courier-101', { user: 'ivanova' });
    const seat = await seatAccount(config, db.factory);
    expect(seat).toEqual({ results: [], pbx: config.pbx, extensions: [] });
    expect(db.asked).toEqual([]);
  });

  it("names the account from the seat's extension in the cabinet, never showing the secret", async () => {
    const db = cabinet({ petrova: '102' });
    const seat = await seatAccount(seatConfig('courier-{ext}', { user: 'petrova' }), db.factory);
    expect(seat.results).toEqual([
      {
        status: 'ok',
        name: 'AMI account',
        detail: '"courier-102": pbx.user "courier-{ext}" for extension 102',
      },
    ]);
    expect(seat.pbx).toEqual({
      host: 'pbx.office.lan',
      port: 5038,
      user: 'courier-102',
      secret: SECRET,
    });
    expect(seat.extensions).toEqual(['102']);
    expect(db.asked).toEqual([[DEFAULTS.lookup.operatorExtensions, 'petrova']]);
    expect(db.closed()).toBe(1);
    expect(JSON.stringify(seat.results)).not.toContain(SECRET);
  });

  it('takes a listed extension without asking the cabinet', async () => {
    const db = cabinet({});
    const seat = await seatAccount(seatConfig('ami-{ext}', { extensions: ['103'] }), db.factory);
    expect(seat.pbx?.user).toBe('ami-103');
    expect(db.asked).toEqual([]);
  });

  it('fails, with what to set, when the cabinet gives the seat several extensions', async () => {
    const db = cabinet({ ivanova: '101,102' });
    const seat = await seatAccount(seatConfig('courier-{ext}', { user: 'ivanova' }), db.factory);
    expect(seat.pbx).toBeUndefined();
    expect(seat.results).toEqual([
      {
        status: 'fail',
        name: 'AMI account',
        detail:
          'uses {ext}, but this seat has 2 extensions (101,102) and one account serves one seat',
        fix: expect.stringContaining('COURIER_PBX_USER=courier-101'),
      },
    ]);
  });

  it('fails when the cabinet cannot say, and sends the reader to the database checks', async () => {
    const down = cabinet({}, new Error('connect ECONNREFUSED 10.0.0.5:3306'));
    const unreachable = await seatAccount(
      seatConfig('courier-{ext}', { user: 'ivanova' }),
      down.factory,
    );
    expect(unreachable.pbx).toBeUndefined();
    expect(unreachable.results[0]).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('ECONNREFUSED'),
      fix: 'correct what the database checks below report, then run doctor again',
    });
    expect(down.closed()).toBe(1);
    const nobody = await seatAccount(
      seatConfig('courier-{ext}', { user: 'nobody' }),
      cabinet({}).factory,
    );
    expect(nobody.results[0]?.detail).toContain('The cabinet has no user "nobody"');
  });
});
