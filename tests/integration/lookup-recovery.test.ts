import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../helper/config/defaults';
import { createMysqlDirectory } from '../../helper/lookup/mysql-caller-lookup';
import type { LookupOutcome } from '../../helper/core/identity-resolver';
import type { MysqlDirectory } from '../../helper/lookup/mysql-caller-lookup';
import { harnessFaults } from '../support/fault-control';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';

const QUERY_TIMEOUT_MS = 1_000;
/** Generous: the lookup gives up after about 1.5 s; the point is that it does not hang. */
const QUICKLY_MS = 5_000;

async function timed(
  run: () => Promise<LookupOutcome>,
): Promise<{ outcome: LookupOutcome; ms: number }> {
  const started = performance.now();
  const outcome = await run();
  return { outcome, ms: performance.now() - started };
}

describe('caller lookups while the database goes down and comes back', () => {
  let directory: MysqlDirectory;
  let stopped = false;

  beforeAll(() => {
    const { mariadb } = harnessInfo();
    directory = createMysqlDirectory({
      database: {
        ...DEFAULTS.database,
        host: mariadb.host,
        port: mariadb.port,
        database: mariadb.database,
        user: mariadb.readOnly.user,
        password: mariadb.readOnly.password,
        queryTimeoutMs: QUERY_TIMEOUT_MS,
        cacheTtlSeconds: 0,
      },
      lookup: DEFAULTS.lookup,
      links: DEFAULTS.links,
      phone: { defaultCountry: 'RU' },
    });
  });

  afterEach(async () => {
    // Later test files share this MariaDB.
    if (stopped) await harnessFaults.startMariaDb();
    stopped = false;
  });

  afterAll(async () => {
    await directory.close();
  });

  it('answers unavailable at once while down and recovers without being recreated', async () => {
    const before = await directory.lookup.lookup(FIXTURE_NUMBERS.courierMobile);
    expect(before.state).toBe('done');

    await harnessFaults.stopMariaDb();
    stopped = true;
    const down = await timed(() => directory.lookup.lookup(FIXTURE_NUMBERS.courierMobile));
    expect(down.outcome.state).toBe('unavailable');
    expect(down.ms).toBeLessThan(QUICKLY_MS);
    if (down.outcome.state === 'unavailable') {
      expect(down.outcome.reason).not.toContain(harnessInfo().mariadb.readOnly.password);
    }

    await harnessFaults.startMariaDb();
    stopped = false;
    const after = await directory.lookup.lookup(FIXTURE_NUMBERS.courierMobile);
    expect(after).toEqual(before);
  });

  it('keeps answering from pooled connections the server dropped while idle', async () => {
    const numbers = [
      FIXTURE_NUMBERS.recipient,
      FIXTURE_NUMBERS.clientMain,
      FIXTURE_NUMBERS.contactPerson,
    ];
    const first = await Promise.all(numbers.map((number) => directory.lookup.lookup(number)));
    expect(first.map((outcome) => outcome.state)).toEqual(['done', 'done', 'done']);

    await harnessFaults.stopMariaDb();
    stopped = true;
    await harnessFaults.startMariaDb();
    stopped = false;

    const again = await Promise.all(numbers.map((number) => directory.lookup.lookup(number)));
    expect(again).toEqual(first);
  });
});
