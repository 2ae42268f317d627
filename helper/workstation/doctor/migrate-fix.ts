import { programName } from '../../core/cli-io';
import { MIGRATE_ENV } from '../../journal/run-migrate-command';
import { tr } from '../../core/cli-text';
import './russian';

/**
 * The command that creates the journal tables and grants the journal account, as IT types
 * it for this configuration file; the administrator's password goes in the environment.
 */
export function migrateCommandFor(configFile: string): string {
  const config = /[\s"]/.test(configFile) ? `"${configFile.replace(/"/g, '\\"')}"` : configFile;
  return tr`${programName()} migrate --config ${config} --admin-user <an account that may create tables>, with that account's password in ${MIGRATE_ENV.adminPassword}`;
}
