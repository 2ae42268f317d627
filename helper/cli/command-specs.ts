import { EXIT } from '../core/cli-io';
import { tr } from '../core/cli-text';
import './russian';

/*
 * Every command and option the program knows, with the texts of `--help`: one table, so
 * the parser, the global usage and each command's own help can never disagree.
 */

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

export const OPTIONS = {
  config: { type: 'string', value: 'PATH' },
  lang: { type: 'string', value: 'ru|en' },
  json: { type: 'boolean' },
  background: { type: 'boolean' },
  serve: { type: 'boolean' },
  permit: { type: 'string', value: 'ADDRESS' },
  user: { type: 'string', value: 'NAME' },
  seats: { type: 'string', value: 'LIST' },
  'office-wide': { type: 'boolean' },
  'legacy-filters': { type: 'boolean' },
  'admin-user': { type: 'string', value: 'NAME' },
  'writer-host': { type: 'string', value: 'PATTERN' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; value?: string; short?: string }>;
export type OptionName = keyof typeof OPTIONS;

/** What each option does, in the command-line language. */
export function optionHelp(option: OptionName): string {
  switch (option) {
    case 'config':
      return tr`Configuration file (default: the COURIER_CONFIG environment variable, else the per-user location).`;
    case 'lang':
      return tr`Language of the output: ru or en (default: the system's, from LC_ALL, LC_MESSAGES or LANG; on Windows its display language).`;
    case 'json':
      return tr`Print the checks as JSON, one object with every result, instead of lines.`;
    case 'background':
      return tr`Start detached (no console window) and return at once.`;
    case 'serve':
      return tr`The PBX-side service instead of the helper: as root on the server near the PBX, a hardened systemd service (courier-serve.service) that restarts after a failure and runs as the owner of the --config file.`;
    case 'permit':
      return tr`The workstation address the PBX admits (permit= in the account).`;
    case 'user':
      return tr`The AMI account name, or a template such as courier-{ext} naming each seat by its extension (default: pbx.user of the configuration, else courier-{ext}).`;
    case 'seats':
      return tr`One account per seat, each passing only the events of that seat's own calls, e.g. --seats 101-103,110.`;
    case 'office-wide':
      return tr`Filters passing every call in the office, for one shared account.`;
    case 'legacy-filters':
      return tr`Office-wide event filters for Asterisk before 21.6 (regular expressions).`;
    case 'admin-user':
      return tr`The administrator account that may create tables (default: COURIER_MIGRATE_ADMIN_USER, else root). Its password is read from COURIER_MIGRATE_ADMIN_PASSWORD only.`;
    case 'writer-host':
      return tr`Where the journal account may connect from, e.g. 10.0.% (default: %, anywhere).`;
    case 'help':
      return tr`Show this help.`;
    case 'version':
      return tr`Show the version.`;
  }
}

export interface CommandSpec {
  name: CommandName;
  /** One line for the list of commands. */
  summary(): string;
  /** What the command does, for its own help. */
  description(): string;
  options: readonly OptionName[];
  /** The arguments after the program name in the example. */
  example: string;
  /** Exit codes and what each means for this command. */
  exitCodes(): readonly (readonly [number, string])[];
}

const usageExit = (): readonly [number, string] => [
  EXIT.usage,
  tr`the command line is wrong (an unknown command or option)`,
];
const alreadyRunningExit = (): readonly [number, string] => [
  EXIT.alreadyRunning,
  tr`another instance already runs with the same configuration folder`,
];

export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  run: {
    name: 'run',
    summary: () => tr`Start the helper (the default when no command is given).`,
    description: () =>
      tr`Start the helper: the PBX connection, the database lookups and the WebSocket the browser extension talks to, until it is stopped (Ctrl+C). Without a configuration file it starts in demo mode, with a simulated PBX and a built-in directory.`,
    options: ['config', 'background'],
    example: 'run --config helper.toml',
    exitCodes: () => [
      [EXIT.ok, tr`stopped normally`],
      [EXIT.failed, tr`the configuration has problems, or the helper stopped on an error`],
      usageExit(),
      alreadyRunningExit(),
    ],
  },
  doctor: {
    name: 'doctor',
    summary: () => tr`Check the configuration, the PBX, the database and the port.`,
    description: () =>
      tr`Check every part the helper depends on: the configuration, the PBX (reachable, login, privileges), the database (login, read-only, each lookup query and its index), the call journal and the WebSocket port, which may be held by the running helper. Each check is printed as it starts and its result when it ends; each failure says what to change.`,
    options: ['config', 'json'],
    example: 'doctor --config helper.toml --json',
    exitCodes: () => [
      [EXIT.ok, tr`every check passed`],
      [EXIT.failed, tr`at least one check failed`],
      usageExit(),
    ],
  },
  pair: {
    name: 'pair',
    summary: () => tr`Print a one-time code that pairs the browser extension.`,
    description: () =>
      tr`Make a one-time code that pairs a browser's extension with the helper running on this computer for this configuration, valid for 10 minutes; enter it in the extension's options under Pairing. The helper must be running: pair checks it first.`,
    options: ['config'],
    example: 'pair',
    exitCodes: () => [
      [EXIT.ok, tr`the code is printed`],
      [EXIT.failed, tr`no helper is running for this configuration, or the code could not be made`],
      usageExit(),
    ],
  },
  'manager-conf': {
    name: 'manager-conf',
    summary: () => tr`Print a least-privilege AMI account for manager.conf.`,
    description: () =>
      tr`Print AMI accounts for /etc/asterisk/manager.conf or manager_custom.conf: one per seat with --seats (named by the template pbx.user = courier-{ext}: courier-<ext> unless the configuration or --user gives another template; each receiving only its own seat's calls), else this workstation's operator's. Each has only the privileges the helper uses (no system class) and event filters that pass only the events it reads. The configuration, when present, supplies the account name, the extensions and the phone's channel.`,
    options: ['config', 'permit', 'user', 'seats', 'office-wide', 'legacy-filters'],
    example: 'manager-conf --seats 101-103 --permit 192.0.2.15',
    exitCodes: () => [
      [EXIT.ok, tr`the accounts are printed`],
      [EXIT.usage, tr`the command line, the address, the seats or the account name is wrong`],
    ],
  },
  migrate: {
    name: 'migrate',
    summary: () => tr`Create the call journal tables and grant the journal account.`,
    description: () =>
      tr`Create the call journal tables in the courier database and grant the journal account ([journal] user) SELECT, INSERT and UPDATE on them. Run it once per database, and again after an upgrade. The administrator's password is read from the environment variable COURIER_MIGRATE_ADMIN_PASSWORD only, never from the command line.`,
    options: ['config', 'admin-user', 'writer-host'],
    example: 'migrate --config helper.toml --admin-user root',
    exitCodes: () => [
      [EXIT.ok, tr`the journal is ready`],
      [EXIT.failed, tr`the database or the configuration is not ready`],
      [EXIT.usage, tr`the command line or the journal account is wrong`],
    ],
  },
  install: {
    name: 'install',
    summary: () => tr`Start the helper with the user's session.`,
    description: () =>
      tr`Register the helper to start with the user's session (a systemd user unit on Linux, a LaunchAgent on macOS, the Run key on Windows; no administrator rights needed), write an example configuration to the per-user place if there is none, and start it. Run it from the packaged executable.`,
    options: ['config', 'serve'],
    example: 'install',
    exitCodes: () => [
      [EXIT.ok, tr`installed and started`],
      [EXIT.failed, tr`it could not be installed; the message says why`],
      usageExit(),
    ],
  },
  uninstall: {
    name: 'uninstall',
    summary: () => tr`Undo install; the configuration and logs stay.`,
    description: () =>
      tr`Remove the registration made by install and stop the helper. The configuration and the logs stay.`,
    options: ['config', 'serve'],
    example: 'uninstall',
    exitCodes: () => [
      [EXIT.ok, tr`removed`],
      [EXIT.failed, tr`it could not be removed; the message says why`],
      usageExit(),
    ],
  },
  serve: {
    name: 'serve',
    summary: () => tr`Run the PBX-side service (on a server near the PBX).`,
    description: () =>
      tr`Run the PBX-side service on a server near the PBX, not on the workstations: FastAGI routing, feedback and the courier call journal for the dialplan, and the courier callback endpoint when [server] httpTokens is set. It reads [database], [journal], [phone], [server], [routing] and [callbacks] (and [pbx] for callbacks).`,
    options: ['config'],
    example: 'serve --config /etc/courier-telephony/helper.toml',
    exitCodes: () => [
      [EXIT.ok, tr`stopped normally`],
      [EXIT.failed, tr`the configuration has problems, or the service stopped on an error`],
      usageExit(),
      alreadyRunningExit(),
    ],
  },
};

/** Options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['lang', 'help'];
