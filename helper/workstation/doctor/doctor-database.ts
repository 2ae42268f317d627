import { createPool } from 'mysql2/promise';
import type { FieldPacket } from 'mysql2/promise';
import type { DatabaseConfig } from '../../config/types';
import { poolOptions } from '../../lookup/mysql-executor';
import type { Row } from '../../lookup/types';

export interface QueryAnswer {
  rows: Row[];
  columns: string[];
}

type Params = readonly (string | number)[];

/** The database as the doctor sees it: statements with their column names. */
export interface DoctorDatabase {
  /** A server-side prepared statement, as the helper's lookups run. */
  execute(sql: string, params: Params): Promise<QueryAnswer>;
  /** A plain statement (EXPLAIN, SHOW), with the parameters escaped by the driver. */
  query(sql: string, params: Params): Promise<QueryAnswer>;
  close(): Promise<void>;
}

export type DoctorDatabaseFactory = (db: DatabaseConfig) => DoctorDatabase;

function answer([rows, fields]: [unknown, unknown]): QueryAnswer {
  return {
    rows: Array.isArray(rows) ? (rows as Row[]) : [],
    columns: ((fields ?? []) as FieldPacket[]).map((field) => field.name),
  };
}

const statement = (sql: string): string => sql.trim().replace(/;\s*$/, '');

/** One connection with the helper's own pool settings, so the doctor tests what the helper will use. */
export const openDoctorDatabase: DoctorDatabaseFactory = (db) => {
  const pool = createPool({ ...poolOptions(db), connectionLimit: 1, maxIdle: 1 });
  const timeout = Math.max(db.queryTimeoutMs, 5_000);
  return {
    execute: async (sql, params) =>
      answer(await pool.execute({ sql: statement(sql), timeout }, [...params])),
    query: async (sql, params) =>
      answer(await pool.query({ sql: statement(sql), timeout }, [...params])),
    close: () => pool.end(),
  };
};
