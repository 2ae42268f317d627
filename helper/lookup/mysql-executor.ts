import { createPool } from 'mysql2/promise';
import type { Pool, PoolOptions } from 'mysql2/promise';
import type { DatabaseConfig } from '../config/types';
import type { QueryExecutor, Row } from './types';

/** Connection-level failures after which a fresh connection may well succeed. */
const RETRYABLE = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'ECONNRESET',
  'EPIPE',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
]);

function isRetryable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && RETRYABLE.has(code)) return true;
  // A pooled connection the server closed while it sat idle.
  return typeof message === 'string' && message.includes('closed state');
}

/** What the pool itself needs of the `[database]` section. */
export type PoolSettings = Pick<
  DatabaseConfig,
  'host' | 'port' | 'user' | 'password' | 'database' | 'poolSize' | 'queryTimeoutMs'
>;

/**
 * Prepared statements each pooled connection keeps. mysql2's default of 16,000 preallocates
 * four arrays of that length per connection (about 0.5 MB each); the helper runs a few dozen
 * distinct statements, and one evicted is prepared again.
 */
export const PREPARED_STATEMENTS_PER_CONNECTION = 64;

export function poolOptions(db: PoolSettings): PoolOptions {
  return {
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    database: db.database,
    connectionLimit: db.poolSize,
    maxIdle: db.poolSize,
    maxPreparedStatements: PREPARED_STATEMENTS_PER_CONNECTION,
    idleTimeout: 60_000,
    queueLimit: 0,
    waitForConnections: true,
    enableKeepAlive: true,
    keepAliveInitialDelay: 10_000,
    connectTimeout: Math.max(2_000, db.queryTimeoutMs),
    // DATE and DATETIME as written, never shifted by the workstation's time zone.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    charset: 'utf8mb4',
    multipleStatements: false,
  };
}

/** See ROUND_OVER in caching-lookup.ts: a finished query's abort reason, built once. */
const QUERY_OVER = Object.freeze({ name: 'QueryOver' });

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * Parameterized statements over a mysql2 pool. A connection the server dropped
 * (restart, idle timeout) is retried once on a fresh one, so the pool recovers
 * by itself after the database comes back.
 */
export class MysqlExecutor implements QueryExecutor {
  private readonly pool: Pool;
  private closed = false;

  constructor(
    private readonly db: PoolSettings,
    pool?: Pool,
  ) {
    this.pool = pool ?? createPool(poolOptions(db));
  }

  async query(
    sql: string,
    params: readonly (string | number)[],
    signal?: AbortSignal,
  ): Promise<Row[]> {
    const statement = sql.trim().replace(/;\s*$/, '');
    const run = async (): Promise<Row[]> => {
      const [rows] = await this.pool.execute({ sql: statement, timeout: this.db.queryTimeoutMs }, [
        ...params,
      ]);
      return Array.isArray(rows) ? (rows as Row[]) : [];
    };
    const attempt = async (): Promise<Row[]> => {
      try {
        return await run();
      } catch (error) {
        if (!isRetryable(error) || signal?.aborted) throw error;
        return run();
      }
    };
    if (!signal) return attempt();
    const abort = new AbortController();
    const onAbort = (): void => abort.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await Promise.race([attempt(), aborted(abort.signal)]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      abort.abort(QUERY_OVER);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
