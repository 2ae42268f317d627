import { PROGRAM } from '../core/cli-io';

export const USAGE = `Usage: ${PROGRAM} <command> [options]

Commands:
  run            Start the helper (the default when no command is given).
                 Without a configuration file it starts in demo mode.
  doctor         Check the configuration, the PBX (AMI), the database and the
                 WebSocket port; each failure says what to change.
  pair           Print a one-time code that pairs the browser extension.
  manager-conf   Print a least-privilege AMI account for manager.conf.
  install        Start the helper with the user's session (systemd user unit,
                 LaunchAgent or Run key) and write an example configuration
                 if there is none. Use the packaged executable.
  uninstall      Remove that registration and stop the helper; the
                 configuration and logs stay.
  install --serve --config PATH
                 On the server near the PBX, as root: run "serve" as a
                 hardened systemd service (courier-serve.service) that
                 restarts after a failure, as the owner of PATH.
  uninstall --serve
                 Stop and remove that service.
  migrate        Create the call journal tables in the courier database and
                 grant the journal account ([journal] user) its rights. Run it
                 once per database, and again after an upgrade. The
                 administrator's password is read from the environment variable
                 COURIER_MIGRATE_ADMIN_PASSWORD only.
  serve          Run the PBX-side service on a server near the PBX (not on the
                 workstations): FastAGI routing, feedback and the courier call
                 journal for the dialplan, and the courier callback endpoint
                 when [server] httpTokens is set. Reads [database], [journal],
                 [phone], [server], [routing] and [callbacks] (and [pbx] for
                 callbacks); see docs/asterisk/README.md.

Options:
  --config PATH      Configuration file (default: the per-user location, or
                     the COURIER_CONFIG environment variable).
  --permit ADDRESS   manager-conf: the workstation address the PBX admits.
  --user NAME        manager-conf: the AMI account name (default: pbx.user).
  --seats LIST       manager-conf: one account per seat, each passing only the
                     events of that seat's own calls, e.g. --seats 101-103,110.
  --office-wide      manager-conf: filters passing every call in the office.
  --legacy-filters   manager-conf: office-wide filters for Asterisk before 21.6.
  --background       run: start detached (no console window) and return.
  --serve            install, uninstall: the PBX-side service, not the helper.
  --admin-user NAME  migrate: the administrator account that may create tables
                     (default: COURIER_MIGRATE_ADMIN_USER, else root).
  --writer-host PATTERN
                     migrate: where the journal account may connect from, e.g.
                     10.0.% (default: %, anywhere).
  -h, --help         Show this help.
  -v, --version      Show the version.

Exit codes: 0 done, 1 failed, 2 bad command line, 3 a helper already runs,
70 stopped on an error nothing handled (a bug; see the log).
`;

/** The command line cannot be understood; the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(problem: string) {
    super(`${problem}. Run "${PROGRAM} --help" for the commands and options.`);
  }
}
