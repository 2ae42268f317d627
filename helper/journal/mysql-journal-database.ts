import { createPool, type Pool, type PoolConnection, type ResultSetHeader } from 'mysql2/promise';
import { PREPARED_STATEMENTS_PER_CONNECTION } from '../lookup/mysql-executor';
import type { JournalDatabase, SqlResult, SqlRow, SqlSession, SqlValue } from './journal-database';

export interface JournalDatabaseAccount {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Per-statement deadline. */
  readonly queryTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly poolSize?: number;
}

function toResult(raw: unknown): SqlResult {
  if (Array.isArray(raw)) return { rows: raw as SqlRow[], affectedRows: 0, insertId: 0 };
  const header = raw as Partial<ResultSetHeader>;
  return {
    rows: [],
    affectedRows: Number(header.affectedRows ?? 0),
    insertId: Number(header.insertId ?? 0),
  };
}

/** A failure after which the connection must not go back to the pool. */
function isFatal(error: unknown): boolean {
  return (error as { fatal?: unknown } | undefined)?.fatal === true;
}

/**
 * The journal's MySQL connection pool, with the writer account (INSERT, SELECT, UPDATE on
 * the journal tables only). Times are exchanged as text, never converted by the driver.
 */
export class MysqlJournalDatabase implements JournalDatabase {
  private readonly pool: Pool;
  private readonly timeout: number;
  private closed: Promise<void> | undefined;

  constructor(account: JournalDatabaseAccount) {
    this.timeout = account.queryTimeoutMs ?? 10_000;
    this.pool = createPool({
      host: account.host,
      port: account.port,
      user: account.user,
      password: account.password,
      database: account.database,
      connectionLimit: account.poolSize ?? 2,
      maxIdle: account.poolSize ?? 2,
      maxPreparedStatements: PREPARED_STATEMENTS_PER_CONNECTION,
      idleTimeout: 60_000,
      waitForConnections: true,
      queueLimit: 0,
      enableKeepAlive: true,
      keepAliveInitialDelay: 10_000,
      connectTimeout: account.connectTimeoutMs ?? 5_000,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      charset: 'utf8mb4',
      multipleStatements: false,
      timezone: 'Z',
    });
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const connection = await this.pool.getConnection();
    let broken = false;
    const session: SqlSession = {
      run: async (sql, params) => {
        try {
          return toResult(
            (await connection.execute({ sql, timeout: this.timeout }, [...params]))[0],
          );
        } catch (error) {
          broken ||= isFatal(error);
          throw error;
        }
      },
    };
    try {
      await connection.beginTransaction();
      const result = await work(session);
      await connection.commit();
      return result;
    } catch (error) {
      broken ||= isFatal(error);
      if (!broken) broken = !(await rolledBack(connection));
      throw error;
    } finally {
      if (broken) connection.destroy();
      else connection.release();
    }
  }

  async query(sql: string, params: readonly SqlValue[]): Promise<readonly SqlRow[]> {
    const [rows] = await this.pool.execute({ sql, timeout: this.timeout }, [...params]);
    return Array.isArray(rows) ? (rows as SqlRow[]) : [];
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}

/** Rolls back; false when that failed too, so the connection is dropped, not reused. */
async function rolledBack(connection: PoolConnection): Promise<boolean> {
  try {
    await connection.rollback();
    return true;
  } catch {
    return false;
  }
}
