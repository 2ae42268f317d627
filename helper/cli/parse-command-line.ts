import { parseArgs } from 'node:util';
import { UsageError } from './usage';

export const COMMANDS = [
  'run',
  'doctor',
  'pair',
  'manager-conf',
  'migrate',
  'install',
  'uninstall',
  'serve',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandLine {
  command: CommandName | 'help' | 'version';
  config?: string;
  permit?: string;
  user?: string;
  legacyFilters: boolean;
  /** manager-conf: the seats to print accounts for, e.g. `101-103,110`. */
  seats?: string;
  /** manager-conf: filters that pass the whole office's calls, not one seat's. */
  officeWide?: boolean;
  /** migrate: the administrator account (its password comes from the environment). */
  adminUser?: string;
  /** migrate: where the journal account may connect from, `%` by default. */
  writerHost?: string;
  /** run: start detached and return. */
  background?: boolean;
  /** install, uninstall: the PBX-side service's system unit instead of the user's helper. */
  serve?: boolean;
}

const MANAGER_CONF_ONLY = ['permit', 'user', 'legacy-filters', 'seats', 'office-wide'] as const;
const MIGRATE_ONLY = ['admin-user', 'writer-host'] as const;

function isCommand(value: string): value is CommandName {
  return (COMMANDS as readonly string[]).includes(value);
}

/** Reads argv (without node and the script); throws UsageError for anything unknown. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        permit: { type: 'string' },
        user: { type: 'string' },
        'legacy-filters': { type: 'boolean' },
        seats: { type: 'string' },
        'office-wide': { type: 'boolean' },
        background: { type: 'boolean' },
        serve: { type: 'boolean' },
        'admin-user': { type: 'string' },
        'writer-host': { type: 'string' },
        'admin-password': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'Bad option');
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help', legacyFilters: false };
  if (values.version) return { command: 'version', legacyFilters: false };
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}"`);
  const command = positionals[0] ?? 'run';
  if (!isCommand(command)) throw new UsageError(`Unknown command "${command}"`);
  if (command !== 'manager-conf') {
    const misplaced = MANAGER_CONF_ONLY.find((option) => values[option] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} belongs to the manager-conf command`);
  }
  if (values['admin-password'] !== undefined) {
    throw new UsageError(
      'The administrator password is never taken from the command line: set COURIER_MIGRATE_ADMIN_PASSWORD',
    );
  }
  if (command !== 'migrate') {
    const misplaced = MIGRATE_ONLY.find((option) => values[option] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} belongs to the migrate command`);
  }
  for (const option of MIGRATE_ONLY) {
    if (values[option] === '') throw new UsageError(`--${option} needs a value`);
  }
  if (values.background && command !== 'run') {
    throw new UsageError('--background belongs to the run command');
  }
  if (values.serve && command !== 'install' && command !== 'uninstall') {
    throw new UsageError('--serve belongs to the install and uninstall commands');
  }
  if (values.config === '') throw new UsageError('--config needs a file path');
  if (values.seats !== undefined && (values['office-wide'] || values['legacy-filters'])) {
    throw new UsageError(
      '--seats prints per-seat filters: leave out --office-wide and --legacy-filters',
    );
  }
  return {
    command,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.permit !== undefined ? { permit: values.permit } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    legacyFilters: values['legacy-filters'] ?? false,
    ...(values.seats !== undefined ? { seats: values.seats } : {}),
    ...(values['office-wide'] ? { officeWide: true } : {}),
    ...(values['admin-user'] !== undefined ? { adminUser: values['admin-user'] } : {}),
    ...(values['writer-host'] !== undefined ? { writerHost: values['writer-host'] } : {}),
    ...(values.background ? { background: true } : {}),
    ...(values.serve ? { serve: true } : {}),
  };
}
