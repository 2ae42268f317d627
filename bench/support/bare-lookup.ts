import { createPool } from 'mysql2/promise';
import { DEFAULT_LOOKUP_QUERIES } from '../../helper/config/default-queries';
import { DEFAULTS } from '../../helper/config/defaults';
import { poolOptions } from '../../helper/lookup/mysql-executor';
import { CALLER_QUERY_NAMES } from '../../helper/lookup/merge-identity';
import type { DatabaseAccess } from './helper-process';

/**
 * The database's share of a lookup, without the helper: for each number, the same caller
 * queries the helper runs by default, in parallel over a mysql2 pool of the helper's
 * default size and settings, as prepared statements. Returns one duration (ms) per number.
 */
export async function timeBareLookups(
  database: DatabaseAccess,
  numbers: readonly string[],
): Promise<number[]> {
  const pool = createPool(poolOptions({ ...DEFAULTS.database, ...database }));
  const durations: number[] = [];
  try {
    for (const number of numbers) {
      const started = performance.now();
      await Promise.all(
        CALLER_QUERY_NAMES.map((name) => pool.execute(DEFAULT_LOOKUP_QUERIES[name], [number])),
      );
      durations.push(performance.now() - started);
    }
  } finally {
    await pool.end();
  }
  return durations;
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
  const pool = createPool(poolOptions({ ...DEFAULTS.database, ...database }));
  const durations: number[] = [];
  let stopped = false;
  const running = (async () => {
    for (const number of numbers) {
      if (stopped) break;
      const started = performance.now();
      await Promise.all(
        CALLER_QUERY_NAMES.map((name) => pool.execute(DEFAULT_LOOKUP_QUERIES[name], [number])),
      );
      durations.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      try {
        await running;
      } finally {
        await pool.end();
      }
      return durations;
    },
  };
}
