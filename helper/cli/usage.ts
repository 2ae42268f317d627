export const PROGRAM = 'courier-helper';

export const USAGE = `Usage: ${PROGRAM} <command> [options]

Commands:
  run            Start the helper (the default when no command is given).
                 Without a configuration file it starts in demo mode.
  doctor         Check the configuration, the PBX (AMI), the database and the
                 WebSocket port; each failure says what to change.
  pair           Print a one-time code that pairs the browser extension.
  manager-conf   Print a least-privilege AMI account for manager.conf.

Options:
  --config PATH      Configuration file (default: the per-user location, or
                     the COURIER_CONFIG environment variable).
  --permit ADDRESS   manager-conf: the workstation address the PBX admits.
  --user NAME        manager-conf: the AMI account name (default: pbx.user).
  --legacy-filters   manager-conf: event filters for Asterisk before 21.6.
  -h, --help         Show this help.
  -v, --version      Show the version.
`;

/** The command line cannot be understood; the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(problem: string) {
    super(`${problem}. Run "${PROGRAM} --help" for the commands and options.`);
  }
}
