import { createConnection, type Connection } from 'mysql2/promise';
import type { SqlRow, SqlValue } from './journal-database';

/** One administrator connection, for schema changes and grants. */
export interface AdminConnection {
  /** Runs one statement; `?` values are escaped by the driver. */
  run(sql: string, params?: readonly SqlValue[]): Promise<readonly SqlRow[]>;
  close(): Promise<void>;
}

export interface AdminAccount {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export type ConnectAdmin = (account: AdminAccount) => Promise<AdminConnection>;

/**
 * DDL, CREATE USER and GRANT go through the text protocol: several of them cannot be
 * prepared, and the values they take are escaped by the driver.
 */
export const connectMysqlAdmin: ConnectAdmin = async (account) => {
  const connection: Connection = await createConnection({
    host: account.host,
    port: account.port,
    user: account.user,
    password: account.password,
    database: account.database,
    connectTimeout: 10_000,
    dateStrings: true,
    charset: 'utf8mb4',
    multipleStatements: false,
  });
  return {
    run: async (sql, params = []) => {
      const [rows] = await connection.query(sql, [...params]);
      return Array.isArray(rows) ? (rows as SqlRow[]) : [];
    },
    close: () => connection.end(),
  };
};
