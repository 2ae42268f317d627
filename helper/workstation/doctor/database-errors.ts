import type { DatabaseConfig } from '../../config/types';
import { tr } from '../../core/cli-text';
import './russian';

export interface Diagnosis {
  detail: string;
  fix: string;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ECONNRESET',
  'PROTOCOL_CONNECTION_LOST',
]);

/** The driver's error code (`ER_ACCESS_DENIED_ERROR`, `ECONNREFUSED`), or empty. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Why the database could not be used, and what IT should change. */
export function diagnoseConnection(error: unknown, db: DatabaseConfig): Diagnosis {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const where = `${db.host}:${db.port}`;
  if (UNREACHABLE.has(code)) {
    return {
      detail: tr`cannot reach the database at ${where} (${code})`,
      fix: tr`check database.host and database.port; the MySQL server must be running, listen on the network (bind-address) and its firewall must admit this workstation to port ${db.port}`,
    };
  }
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_NOT_SUPPORTED_AUTH_MODE') {
    return {
      detail: tr`the server refused the login as "${db.user}" (${code})`,
      fix: tr`check database.user and database.password (or COURIER_DB_PASSWORD), and that the account may connect from this workstation's address`,
    };
  }
  if (code === 'ER_BAD_DB_ERROR') {
    return {
      detail: tr`the server has no database "${db.database}"`,
      fix: tr`set database.database to the name of the courier database`,
    };
  }
  if (code === 'ER_DBACCESS_DENIED_ERROR' || code === 'ER_TABLEACCESS_DENIED_ERROR') {
    return {
      detail: tr`the account "${db.user}" may not read "${db.database}" (${code})`,
      fix: tr`on the database server run: ${`GRANT SELECT ON \`${db.database}\`.* TO '${db.user}'@'%';`}`,
    };
  }
  return {
    detail: `${code ? `${code}: ` : ''}${message}`,
    fix: tr`check the [database] section and the database server log`,
  };
}

/** Why a lookup query failed on a reachable database. */
export function diagnoseQuery(error: unknown, key: string): Diagnosis {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    detail: `${code ? `${code}: ` : ''}${message}`,
    fix: tr`correct the SQL in ${key} for this database's tables and columns (keep its column aliases), or remove the key to use the default query`,
  };
}
