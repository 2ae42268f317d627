import { tr } from '../core/cli-text';
import './russian';

export const WRITER_PRIVILEGES = 'SELECT, INSERT, UPDATE';

export interface WriterAccount {
  readonly user: string;
  /** Where the helpers connect from: `%`, or the office network such as `10.0.%`. */
  readonly host: string;
}

/** A name the grant statements would have to quote in a way IT cannot read at a glance. */
export class WriterAccountError extends Error {
  override readonly name = 'WriterAccountError';

  constructor(field: string, value: string, allowed: string) {
    super(
      tr`The journal writer ${field} ${JSON.stringify(value)} is not usable in a GRANT: use ${allowed} (set journal.user, or --writer-host for migrate).`,
    );
  }
}

const USER = /^[A-Za-z0-9_.-]{1,80}$/;
const TABLE = /^[A-Za-z0-9_$]{1,64}$/;
const HOST = /^[A-Za-z0-9_.%:/-]{1,255}$/;
const DATABASE = /^[A-Za-z0-9_$]{1,64}$/;

export function checkWriterAccount(account: WriterAccount, database: string): void {
  if (!USER.test(account.user)) {
    throw new WriterAccountError('user', account.user, tr`letters, digits, "_", "." and "-"`);
  }
  if (!HOST.test(account.host)) {
    throw new WriterAccountError('host', account.host, tr`a host name, address or pattern with %`);
  }
  if (!DATABASE.test(database)) {
    throw new WriterAccountError('database', database, tr`letters, digits, "_" and "$"`);
  }
}

function accountName(account: WriterAccount): string {
  return `'${account.user}'@'${account.host}'`;
}

/**
 * The GRANT statements, as run and as printed for a database administrator: the helper's
 * account may read and write the tables the telephony migrations create, and nothing else.
 */
export function grantStatements(
  account: WriterAccount,
  database: string,
  tables: readonly string[],
): string[] {
  checkWriterAccount(account, database);
  for (const table of tables) {
    if (!TABLE.test(table)) throw new WriterAccountError('table', table, tr`a plain table name`);
  }
  return tables.map(
    (table) =>
      `GRANT ${WRITER_PRIVILEGES} ON \`${database}\`.\`${table}\` TO ${accountName(account)}`,
  );
}

/** Creates the account when missing; the password is a bound value, never printed. */
export function createUserStatement(account: WriterAccount, database: string): string {
  checkWriterAccount(account, database);
  return `CREATE USER IF NOT EXISTS ${accountName(account)} IDENTIFIED BY ?`;
}

export function createUserForPrinting(account: WriterAccount): string {
  return `CREATE USER IF NOT EXISTS ${accountName(account)} IDENTIFIED BY '<journal.password>'`;
}
