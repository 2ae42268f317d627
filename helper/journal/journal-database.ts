/** A value bound to a `?` placeholder; statements are always parameterized. */
export type SqlValue = string | number | null;

export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlResult {
  readonly rows: readonly SqlRow[];
  readonly affectedRows: number;
  /** `LAST_INSERT_ID()` after an INSERT; 0 when none. */
  readonly insertId: number;
}

export interface SqlSession {
  run(sql: string, params: readonly SqlValue[]): Promise<SqlResult>;
}

/**
 * The journal's seam to its database: one connection per transaction, everything
 * parameterized. The MySQL implementation is {@link MysqlJournalDatabase}; tests use fakes.
 */
export interface JournalDatabase {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  query(sql: string, params: readonly SqlValue[]): Promise<readonly SqlRow[]>;
  close(): Promise<void>;
}
