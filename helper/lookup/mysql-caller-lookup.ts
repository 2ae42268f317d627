import type { HelperConfig, RecordLinkTemplates } from '../config/types';
import { CachingLookup } from './caching-lookup';
import { MysqlExecutor } from './mysql-executor';
import { resolveOperatorExtensions } from './operator-extensions';
import { SqlIdentitySource } from './sql-identity-source';
import { storedNumberToE164 } from './stored-number';
import type { CallerLookup, QueryExecutor } from './types';

/** At most this long a number that nobody owns is remembered. */
export const MAX_NEGATIVE_TTL_MS = 5_000;
/** Time for the pool to get a connection on top of the query's own timeout. */
const CONNECT_ALLOWANCE_MS = 500;

export interface MysqlDirectory {
  lookup: CallerLookup;
  /** `operator.user` mode: the extensions in that user's `users.extPhone`. */
  resolveOperatorExtensions(user: string, signal?: AbortSignal): Promise<string[]>;
  close(): Promise<void>;
}

type DirectoryConfig = Pick<HelperConfig, 'database' | 'lookup' | 'phone'> & {
  links: RecordLinkTemplates;
};

/**
 * Caller identification from the cabinet's MySQL database over one read-only pool.
 * `executor` is for tests; by default a mysql2 pool is made from `config.database`.
 */
export function createMysqlDirectory(
  config: DirectoryConfig,
  executor: QueryExecutor = new MysqlExecutor(config.database),
): MysqlDirectory {
  const ttlMs = config.database.cacheTtlSeconds * 1000;
  const source = new SqlIdentitySource(executor, config.lookup, {
    links: config.links,
    normalizeNumber: (raw) => storedNumberToE164(raw, config.phone.defaultCountry),
  });
  const lookup = new CachingLookup(source, {
    ttlMs,
    negativeTtlMs: Math.min(ttlMs, MAX_NEGATIVE_TTL_MS),
    timeoutMs: config.database.queryTimeoutMs + CONNECT_ALLOWANCE_MS,
    secrets: [config.database.password],
  });
  return {
    lookup,
    resolveOperatorExtensions: (user, signal) =>
      resolveOperatorExtensions(executor, config.lookup.operatorExtensions, user, signal),
    close: () => lookup.close(),
  };
}
