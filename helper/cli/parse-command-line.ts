import { parseArgs } from 'node:util';
import { UsageError } from './usage';

export const COMMANDS = ['run', 'doctor', 'pair', 'manager-conf'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandLine {
  command: CommandName | 'help' | 'version';
  config?: string;
  permit?: string;
  user?: string;
  legacyFilters: boolean;
}

const MANAGER_CONF_ONLY = ['permit', 'user', 'legacy-filters'] as const;

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
  if (values.config === '') throw new UsageError('--config needs a file path');
  return {
    command,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.permit !== undefined ? { permit: values.permit } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    legacyFilters: values['legacy-filters'] ?? false,
  };
}
