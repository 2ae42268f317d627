import { parseArgs } from 'node:util';
import { closestName } from '../config/suggest';
import { CLI_LANGUAGES, tr, type CliLanguage } from '../core/cli-text';
import {
  COMMAND_SPECS,
  COMMANDS,
  GLOBAL_OPTIONS,
  OPTIONS,
  type CommandName,
  type OptionName,
} from './command-specs';
import { UsageError } from './usage';

export { COMMANDS, type CommandName } from './command-specs';

export interface CommandLine {
  command: CommandName | 'help' | 'version';
  /** help: the command whose help to show; the global usage without one. */
  topic?: CommandName;
  config?: string;
  /** The output language chosen with --lang. */
  lang?: CliLanguage;
  /** doctor: the report as JSON. */
  json?: boolean;
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

function isCommand(value: string): value is CommandName {
  return (COMMANDS as readonly string[]).includes(value);
}

function isLanguage(value: string): value is CliLanguage {
  return (CLI_LANGUAGES as readonly string[]).includes(value);
}

/** ` Did you mean "doctor"?` for a close miss, nothing otherwise. */
function didYouMean(input: string, known: readonly string[], prefix = ''): string {
  // A third of the length, at least one edit: `dcotor` → doctor, but `dial` is not `pair`.
  const limit = Math.max(1, Math.floor(input.length / 3));
  const close = closestName(input, known, limit);
  return close === undefined ? '' : ` ${tr`Did you mean "${prefix}${close}"?`}`;
}

/**
 * `--lang` read before anything else, so even a usage error speaks the chosen language.
 * Undefined when absent; a value other than ru or en is a usage error of its own.
 */
export function languageOption(argv: readonly string[]): CliLanguage | undefined {
  let value: string | undefined;
  argv.forEach((arg, index) => {
    if (arg === '--lang') value = argv[index + 1] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  });
  if (value === undefined) return undefined;
  if (!isLanguage(value)) throw new UsageError(tr`--lang takes ru or en, not "${value}"`);
  return value;
}

/** parseArgs' own complaint, said in the command-line language, with a suggestion. */
function optionError(message: string, command: CommandName | undefined): UsageError {
  const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
  if (unknown !== undefined) {
    const names = command
      ? [...COMMAND_SPECS[command].options, ...GLOBAL_OPTIONS]
      : Object.keys(OPTIONS);
    const hint = unknown.startsWith('--') ? didYouMean(unknown.slice(2), names, '--') : '';
    return new UsageError(`${tr`Unknown option ${unknown}`}.${hint}`, command);
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message)?.[1];
  if (missing !== undefined) return new UsageError(tr`${missing} needs a value`, command);
  return new UsageError(message.split('\n')[0] ?? message, command);
}

/** Reads argv (without node and the script); throws UsageError for anything unknown. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const lang = languageOption(argv);
  const first = argv.find((arg) => !arg.startsWith('-'));
  const named = first !== undefined && isCommand(first) ? first : undefined;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { ...OPTIONS, 'admin-password': { type: 'string' } },
    });
  } catch (error) {
    throw optionError((error as Error).message, named);
  }
  const { values, positionals } = parsed;
  const base = { legacyFilters: false, ...(lang ? { lang } : {}) };
  if (positionals[0] === 'help') {
    const topic = positionals[1];
    if (topic !== undefined && !isCommand(topic)) {
      throw new UsageError(`${tr`Unknown command "${topic}"`}.${didYouMean(topic, COMMANDS)}`);
    }
    return { command: 'help', ...base, ...(topic ? { topic } : {}) };
  }
  const command = positionals[0] ?? 'run';
  if (!isCommand(command)) {
    throw new UsageError(`${tr`Unknown command "${command}"`}.${didYouMean(command, COMMANDS)}`);
  }
  if (values.help)
    return { command: 'help', ...base, ...(positionals[0] ? { topic: command } : {}) };
  if (values.version) return { command: 'version', ...base };
  if (positionals.length > 1) {
    throw new UsageError(tr`Unexpected argument "${positionals[1]}"`, command);
  }
  if (values['admin-password'] !== undefined) {
    throw new UsageError(
      tr`The administrator password is never taken from the command line: set COURIER_MIGRATE_ADMIN_PASSWORD`,
      command,
    );
  }
  const allowed = new Set<string>([...COMMAND_SPECS[command].options, ...GLOBAL_OPTIONS]);
  for (const option of Object.keys(OPTIONS) as OptionName[]) {
    if (values[option] === undefined || allowed.has(option) || option === 'version') continue;
    const owners = COMMANDS.filter((name) => COMMAND_SPECS[name].options.includes(option));
    throw new UsageError(
      tr`--${option} belongs to the ${owners.join(', ')} command, not to ${command}`,
      command,
    );
  }
  for (const option of [
    'config',
    'admin-user',
    'writer-host',
    'permit',
    'user',
    'seats',
  ] as const) {
    if (values[option] === '') throw new UsageError(tr`--${option} needs a value`, command);
  }
  if (values.seats !== undefined && (values['office-wide'] || values['legacy-filters'])) {
    throw new UsageError(
      tr`--seats prints per-seat filters: leave out --office-wide and --legacy-filters`,
      command,
    );
  }
  return {
    command,
    ...base,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.json ? { json: true } : {}),
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
