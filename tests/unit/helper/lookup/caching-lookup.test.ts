import { describe, expect, it } from 'vitest';
import { EMPTY_IDENTITY } from '../../../../shared/protocol';
import type { Identity } from '../../../../shared/protocol';
import { CachingLookup } from '../../../../helper/lookup/caching-lookup';
import { createMysqlDirectory } from '../../../../helper/lookup/mysql-caller-lookup';
import { InvalidDbKeyError, LookupClosedError } from '../../../../helper/lookup/errors';
import { OperatorExtensionsError } from '../../../../helper/lookup/operator-extensions';
import type { IdentitySource, QueryExecutor, Row } from '../../../../helper/lookup/types';
import { DEFAULTS } from '../../../../helper/config/defaults';

const KNOWN: Identity = {
  clients: [{ code: '1', company: 'Ромашка' }],
  couriers: [],
  deliveries: [],
};

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A source whose answers the test hands out one by one. */
class ScriptedSource implements IdentitySource {
  readonly calls: { dbKey: string; signal: AbortSignal; answer: Deferred<Identity> }[] = [];
  closed = false;

  fetch(dbKey: string, signal: AbortSignal): Promise<Identity> {
    const answer = deferred<Identity>();
    this.calls.push({ dbKey, signal, answer });
    return answer.promise;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function setup(overrides: Partial<ConstructorParameters<typeof CachingLookup>[1]> = {}) {
  const source = new ScriptedSource();
  let now = 1_000_000;
  const lookup = new CachingLookup(source, {
    ttlMs: 30_000,
    negativeTtlMs: 5_000,
    timeoutMs: 60_000,
    now: () => now,
    ...overrides,
  });
  return { source, lookup, advance: (ms: number) => (now += ms) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('CachingLookup', () => {
  it('coalesces concurrent lookups of one number into one round', async () => {
    const { source, lookup } = setup();
    const first = lookup.lookup('79161234567');
    const second = lookup.lookup('79161234567');
    const other = lookup.lookup('79990000000');
    await flush();
    expect(source.calls.map((call) => call.dbKey)).toEqual(['79161234567', '79990000000']);
    source.calls[0]?.answer.resolve(KNOWN);
    source.calls[1]?.answer.resolve(EMPTY_IDENTITY);
    expect(await first).toEqual({ state: 'done', identity: KNOWN });
    expect(await second).toEqual({ state: 'done', identity: KNOWN });
    expect(await other).toEqual({ state: 'done', identity: EMPTY_IDENTITY });
  });

  it('hands out a cached answer at once, without a round, and nothing it does not hold', async () => {
    const { source, lookup, advance } = setup();
    expect(lookup.cached('79161234567')).toBeUndefined();
    const pending = lookup.lookup('79161234567');
    await flush();
    expect(lookup.cached('79161234567')).toBeUndefined();
    source.calls[0]?.answer.resolve(KNOWN);
    await pending;
    const held = lookup.cached('79161234567');
    expect(held).toEqual({ state: 'done', identity: KNOWN });
    if (held?.state === 'done') held.identity.clients[0]!.company = 'changed by a reader';
    expect(lookup.cached('79161234567')).toEqual({ state: 'done', identity: KNOWN });
    expect(source.calls).toHaveLength(1);
    advance(30_001);
    expect(lookup.cached('79161234567')).toBeUndefined();
  });

  it('reuses a found identity until its TTL and an unknown number for a shorter time', async () => {
    const { source, lookup, advance } = setup();
    const known = lookup.lookup('79161234567');
    const unknown = lookup.lookup('79990000000');
    await flush();
    source.calls[0]?.answer.resolve(KNOWN);
    source.calls[1]?.answer.resolve(EMPTY_IDENTITY);
    await Promise.all([known, unknown]);

    advance(4_000);
    await lookup.lookup('79161234567');
    await lookup.lookup('79990000000');
    expect(source.calls).toHaveLength(2);

    advance(2_000);
    const unknownAgain = lookup.lookup('79990000000');
    await lookup.lookup('79161234567');
    await flush();
    expect(source.calls).toHaveLength(3);
    source.calls[2]?.answer.resolve(EMPTY_IDENTITY);
    await unknownAgain;

    advance(25_000);
    const knownAgain = lookup.lookup('79161234567');
    await flush();
    expect(source.calls).toHaveLength(4);
    source.calls[3]?.answer.resolve(KNOWN);
    expect(await knownAgain).toEqual({ state: 'done', identity: KNOWN });
  });

  it('hands every caller its own copy, so one caller cannot change the cache', async () => {
    const { source, lookup } = setup();
    const first = lookup.lookup('79161234567');
    await flush();
    source.calls[0]?.answer.resolve(KNOWN);
    const outcome = await first;
    if (outcome.state === 'done') outcome.identity.clients.length = 0;
    expect(await lookup.lookup('79161234567')).toEqual({ state: 'done', identity: KNOWN });
  });

  it('reports a database failure as unavailable, does not cache it, and scrubs secrets', async () => {
    const { source, lookup } = setup({ secrets: ['db-Pa55word'] });
    const failing = lookup.lookup('79161234567');
    await flush();
    source.calls[0]?.answer.reject(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306 db-Pa55word'), {
        code: 'ECONNREFUSED',
      }),
    );
    const outcome = await failing;
    expect(outcome.state).toBe('unavailable');
    if (outcome.state !== 'unavailable') return;
    expect(outcome.reason).toContain('ECONNREFUSED');
    expect(outcome.reason).not.toContain('db-Pa55word');
    const retry = lookup.lookup('79161234567');
    await flush();
    expect(source.calls).toHaveLength(2);
    source.calls[1]?.answer.resolve(KNOWN);
    expect((await retry).state).toBe('done');
  });

  it('gives up at the deadline and aborts the round', async () => {
    const { source, lookup } = setup({ timeoutMs: 50 });
    const outcome = await lookup.lookup('79161234567');
    expect(outcome.state).toBe('unavailable');
    if (outcome.state === 'unavailable') expect(outcome.reason).toContain('50 ms');
    expect(source.calls[0]?.signal.aborted).toBe(true);
  });

  it('lets one caller abort without disturbing the others', async () => {
    const { source, lookup } = setup();
    const impatient = new AbortController();
    const first = lookup.lookup('79161234567', impatient.signal);
    const second = lookup.lookup('79161234567');
    await flush();
    impatient.abort(new Error('call ended'));
    await expect(first).rejects.toThrow('call ended');
    expect(source.calls[0]?.signal.aborted).toBe(false);
    source.calls[0]?.answer.resolve(KNOWN);
    expect(await second).toEqual({ state: 'done', identity: KNOWN });
  });

  it('refuses keys that are not digits and lookups after close', async () => {
    const { source, lookup } = setup();
    await expect(lookup.lookup('+79161234567')).rejects.toBeInstanceOf(InvalidDbKeyError);
    await expect(lookup.lookup("7916' OR 1=1")).rejects.toBeInstanceOf(InvalidDbKeyError);
    const pending = lookup.lookup('79161234567');
    await flush();
    await lookup.close();
    expect(source.closed).toBe(true);
    expect(source.calls[0]?.signal.aborted).toBe(true);
    expect((await pending).state).toBe('unavailable');
    await expect(lookup.lookup('79161234567')).rejects.toBeInstanceOf(LookupClosedError);
  });
});

/** Answers by the table each query reads; records every call. */
class FakeExecutor implements QueryExecutor {
  readonly calls: { sql: string; params: readonly (string | number)[] }[] = [];
  closed = false;

  constructor(
    private readonly answer: (sql: string, params: readonly (string | number)[]) => Row[],
  ) {}

  async query(sql: string, params: readonly (string | number)[]): Promise<Row[]> {
    this.calls.push({ sql, params });
    return this.answer(sql, params);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('createMysqlDirectory', () => {
  const config = {
    database: { ...DEFAULTS.database, password: 'db-Pa55word' },
    lookup: DEFAULTS.lookup,
    links: { client: '', order: 'https://cab.example/o/{code}', courier: '' },
    phone: { defaultCountry: 'RU' },
  };

  it('passes the number only as a parameter and merges the answers', async () => {
    const executor = new FakeExecutor((sql) => {
      if (sql.includes('JOIN givn')) {
        return [
          {
            addressCode: 11,
            orderCode: 21,
            courierCode: 7,
            courierName: 'К',
            courierMobile: '79031112233',
          },
        ];
      }
      if (sql.includes('JOIN zakaz'))
        return [{ addressCode: 11, orderCode: 21, orderNumber: 'N-1' }];
      return [];
    });
    const directory = createMysqlDirectory(config, executor);
    const outcome = await directory.lookup.lookup('79161234567');
    expect(executor.calls).toHaveLength(5);
    for (const call of executor.calls) {
      expect(call.params).toEqual(['79161234567']);
      expect(call.sql).not.toContain('79161234567');
    }
    expect(outcome).toEqual({
      state: 'done',
      identity: {
        clients: [],
        couriers: [],
        deliveries: [
          {
            addressCode: '11',
            orderCode: '21',
            orderNumber: 'N-1',
            url: 'https://cab.example/o/21',
            courier: { code: '7', name: 'К', mobile: '+79031112233' },
          },
        ],
      },
    });
    await directory.close();
    expect(executor.closed).toBe(true);
  });

  it('reads operator extensions from users.extPhone', async () => {
    const executor = new FakeExecutor((_sql, params) =>
      params[0] === 'ivanova'
        ? [{ extensions: '101, 102' }]
        : params[0] === 'empty'
          ? [{ extensions: null }]
          : [],
    );
    const directory = createMysqlDirectory(config, executor);
    expect(await directory.resolveOperatorExtensions('ivanova')).toEqual(['101', '102']);
    await expect(directory.resolveOperatorExtensions('nobody')).rejects.toThrow(/no user "nobody"/);
    await expect(directory.resolveOperatorExtensions('empty')).rejects.toBeInstanceOf(
      OperatorExtensionsError,
    );
    await directory.close();
  });
});
