import type { DatabaseConfig, JournalConfig } from '../../config/types';
import { codeOf, diagnoseConnection } from './database-errors';
import type { Diagnosis } from './database-errors';
import { migrateCommandFor } from './migrate-fix';
import { tr } from '../../core/cli-text';
import './russian';

/**
 * Why the journal account could not log in. The server and database are `[database]`'s, so
 * those diagnoses are shared; a refused login or database names the `[journal]` keys and
 * `migrate`, which creates the account and grants it the journal tables.
 */
export function diagnoseJournalConnection(
  error: unknown,
  db: DatabaseConfig,
  journal: Pick<JournalConfig, 'user'>,
  configFile: string,
): Diagnosis {
  const code = codeOf(error);
  if (code === 'ER_ACCESS_DENIED_ERROR' || code === 'ER_NOT_SUPPORTED_AUTH_MODE') {
    return {
      detail: tr`the server refused the login as "${journal.user}" (${code})`,
      fix: tr`check journal.user and journal.password (or COURIER_JOURNAL_PASSWORD) against the journal account, and that it may connect from this workstation's address; if the account does not exist yet, run ${migrateCommandFor(configFile)}`,
    };
  }
  if (code === 'ER_DBACCESS_DENIED_ERROR') {
    return {
      detail: tr`the account "${journal.user}" has no rights in "${db.database}" (${code})`,
      fix: tr`run ${migrateCommandFor(configFile)}: it grants the account the journal tables`,
    };
  }
  return diagnoseConnection(error, { ...db, user: journal.user });
}
