import { setTimeout as delay } from 'node:timers/promises';
import { createPool, type Pool } from 'mysql2/promise';
import { DEFAULT_LOOKUP_QUERIES } from '../../helper/config/default-queries';
import { DEFAULTS } from '../../helper/config/defaults';
import { poolOptions } from '../../helper/lookup/mysql-executor';
import { CALLER_QUERY_NAMES } from '../../helper/lookup/merge-identity';
import type { DatabaseAccess } from '../../harness/processes/service-access';

/** One lookup as the helper's default queries make it, without the helper. */
export async function bareLookup(pool: Pool, number: string): Promise<void> {
  await Promise.all(
    CALLER_QUERY_NAMES.map((name) => pool.execute(DEFAULT_LOOKUP_QUERIES[name], [number])),
  );
}

/** A mysql2 pool of the helper's default size and settings. */
export function barePool(database: DatabaseAccess): Pool {
  return createPool(poolOptions({ ...DEFAULTS.database, ...database }));
}

/**
 * For each number in turn until `stopped()`, the caller queries the helper runs by default,
 * in parallel over a mysql2 pool of the helper's default size and settings, as prepared
 * statements, `intervalMs` apart. Resolves with one duration (ms) per finished lookup.
 */
async function runBareLookups(
  database: DatabaseAccess,
  numbers: readonly string[],
  intervalMs: number,
  stopped: () => boolean,
): Promise<number[]> {
  const pool = barePool(database);
  const durations: number[] = [];
  try {
    for (const number of numbers) {
      if (stopped()) break;
      const started = performance.now();
      await bareLookup(pool, number);
      durations.push(performance.now() - started);
      if (intervalMs > 0) await delay(intervalMs);
    }
  } finally {
    await pool.end();
  }
  return durations;
}

/**
 * The database's share of a lookup, without the helper: the numbers one after another.
 * Returns one duration (ms) per number.
 */
export function timeBareLookups(
  database: DatabaseAccess,
  numbers: readonly string[],
): Promise<number[]> {
  return runBareLookups(database, numbers, 0, () => false);
}

export interface PacedBareLookups {
  /** Stops after the lookup in flight and returns one duration (ms) per finished lookup. */
  stop(): Promise<number[]>;
}

/**
 * The same bare lookups, one every `intervalMs`, while something else runs: the baseline
 * under the load the helper sees during the calls (the PBX, sipp and the database all busy
 * on the same cores), rather than on a quiet machine before them.
 */
export function paceBareLookups(
  database: DatabaseAccess,
  numbers: readonly string[],
  intervalMs: number,
): PacedBareLookups {
  let stopped = false;
  const running = runBareLookups(database, numbers, intervalMs, () => stopped);
  return {
    stop() {
      stopped = true;
      return running;
    },
  };
}
