import { createConnection, type Connection } from 'mysql2/promise';
import { harnessInfo } from './harness-info';

/** A connection to the generated `courier` database, as `courier_ro` unless asked for root. */
export function connectCourierDb(account: 'readOnly' | 'root' = 'readOnly'): Promise<Connection> {
  const { mariadb } = harnessInfo();
  const credentials = mariadb[account];
  return createConnection({
    host: mariadb.host,
    port: mariadb.port,
    user: credentials.user,
    password: credentials.password,
    database: mariadb.database,
    charset: 'utf8mb4_unicode_ci',
    dateStrings: true,
  });
}
