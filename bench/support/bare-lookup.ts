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
