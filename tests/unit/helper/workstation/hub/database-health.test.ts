import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ReportingResolver,
  watchDatabase,
} from '../../../../../helper/workstation/hub/database-health';
import { StatusBoard } from '../../../../../helper/workstation/hub/status-board';
import type { QueryExecutor } from '../../../../../helper/lookup/types';

function board(): StatusBoard {
  return new StatusBoard(
    {
      helperVersion: '0.0.0',
      pbx: { state: 'connected' },
      database: { state: 'connected' },
      operator: { extensions: ['101'] },
      demo: false,
    },
    () => undefined,
    () => 0,
  );
}

/** A database that answers `SELECT 1` while `up` says so. */
function database(): { executor: QueryExecutor; up: boolean; probes: number } {
  const db = {
    up: true,
    probes: 0,
    executor: {
      query: async () => {
        db.probes += 1;
        if (!db.up)
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return [];
      },
      close: async () => undefined,
    },
  };
  return db;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('watchDatabase', () => {
  it('checks every few seconds while the database is down, so its return shows within one', async () => {
    const db = database();
    const status = board();
    const stop = new AbortController();
    watchDatabase(
      {
        executor: db.executor,
        lookups: new ReportingResolver({ lookup: vi.fn(), cached: () => undefined }),
        status,
        secrets: [],
        logger: pino({ level: 'silent' }),
      },
      stop.signal,
      { upMs: 15_000, downMs: 1_000 },
    );
    db.up = false;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(status.get().database.state).toBe('down');

    db.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status.get().database.state).toBe('connected');

    // Back to the healthy pace: no check until the next 15 s are over.
    const probes = db.probes;
    await vi.advanceTimersByTimeAsync(14_000);
    expect(db.probes).toBe(probes);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(db.probes).toBe(probes + 1);
    stop.abort();
  });

  it('a lookup that found the database down brings the next check within a second', async () => {
    const db = database();
    const status = board();
    const stop = new AbortController();
    const lookups = new ReportingResolver({
      lookup: async () => ({ state: 'unavailable', reason: 'down' }) as never,
      cached: () => undefined,
    });
    watchDatabase(
      { executor: db.executor, lookups, status, secrets: [], logger: pino({ level: 'silent' }) },
      stop.signal,
      { upMs: 15_000, downMs: 1_000 },
    );
    db.up = false;
    await lookups.lookup('79161234567');
    await vi.advanceTimersByTimeAsync(0);
    expect(status.get().database.state).toBe('down');
    db.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status.get().database.state).toBe('connected');
    stop.abort();
  });
});
