import { isIP } from 'node:net';
import {
  FILTER_REVISION_VARIABLE,
  HELPER_EVENTS,
  READ_CLASSES,
  RECORDING_VARIABLES,
  WRITE_CLASSES,
} from './account-privileges';

export type FilterSyntax = 'advanced' | 'legacy';

export interface ManagerConfOptions {
  /** The `[section]` name: the AMI user the helper logs in as. */
  user: string;
  /** The operator's extensions, for the comment naming whose account this is. */
  extensions: readonly string[];
  /** The workstation address the account may log in from; a placeholder when absent. */
  permit?: string;
  /**
   * `advanced`: `eventfilter(name(...))` of Asterisk 21.6/22.1 and later, matched
   * by event name; `legacy`: regular expressions, for older PBXs.
   */
  filters: FilterSyntax;
}

/** The workstation address is not an IP address. */
export class PermitAddressError extends Error {
  override readonly name = 'PermitAddressError';

  constructor(readonly address: string) {
    super(
      `--permit ${JSON.stringify(address)} is not an IP address: give this workstation's ` +
        'address as the PBX sees it, e.g. --permit 10.0.0.21',
    );
  }
}

/** An AMI user name that manager.conf cannot hold as a section name. */
export class AccountNameError extends Error {
  override readonly name = 'AccountNameError';

  constructor(readonly user: string) {
    super(
      `${JSON.stringify(user)} cannot be an AMI account name: use letters, digits, "-", "_" ` +
        'or "." only, e.g. --user courier-101',
    );
  }
}

const ACCOUNT = /^[A-Za-z0-9_.-]{1,64}$/;

function permitLine(permit: string | undefined): string[] {
  if (permit === undefined) {
    return [
      '; Replace with the workstation address the PBX sees, or run manager-conf --permit ADDRESS:',
      'permit = WORKSTATION-IP/255.255.255.255',
    ];
  }
  const version = isIP(permit);
  if (version === 0) throw new PermitAddressError(permit);
  return [`permit = ${permit}/${version === 4 ? '255.255.255.255' : '128'}`];
}

/** The variables whose VarSet passes: recordings, and the doctor's probe of this revision. */
const VARIABLES = [...RECORDING_VARIABLES, FILTER_REVISION_VARIABLE];

function filterLines(syntax: FilterSyntax): string[] {
  if (syntax === 'advanced') {
    return [
      ...HELPER_EVENTS.map((event) => `eventfilter(action(include),name(${event})) =`),
      ...VARIABLES.map(
        (variable) =>
          `eventfilter(action(include),name(VarSet),header(Variable),method(exact)) = ${variable}`,
      ),
    ];
  }
  // The whitespace class stops `Hangup` from also admitting HangupRequest and the like.
  return [
    ...HELPER_EVENTS.map((event) => `eventfilter = Event: ${event}[[:space:]]`),
    ...VARIABLES.map(
      (variable) => `eventfilter = Event: VarSet[[:space:]].*Variable: ${variable}[[:space:]]`,
    ),
  ];
}

/**
 * A least-privilege `manager.conf` account for one operator's helper: admitted
 * from one workstation only, the read/write classes the helper uses (no
 * `system`), and event filters that keep only the events it consumes.
 */
export function renderManagerConf(options: ManagerConfOptions): string {
  if (!ACCOUNT.test(options.user)) throw new AccountNameError(options.user);
  const who =
    options.extensions.length > 0
      ? `operator extension(s) ${options.extensions.join(',')}`
      : 'one operator';
  return [
    `; Courier Telephony helper: AMI account for ${who}.`,
    '; Paste into /etc/asterisk/manager_custom.conf (or manager.conf), set the secret, then',
    ';   asterisk -rx "manager reload"',
    '; and put the same user and secret into the helper configuration: [pbx] user, secret.',
    '; [general] must have enabled = yes and port = 5038, with a bindaddr the workstation',
    '; reaches, and the PBX firewall must admit the workstation to that port.',
    `[${options.user}]`,
    '; A long random secret, e.g. the output of: openssl rand -hex 24',
    'secret = CHANGE-ME',
    'deny = 0.0.0.0/0.0.0.0',
    ...permitLine(options.permit),
    '; read: call events (channels, dials, bridges, transfers, originate results) and',
    "; dialplan (VarSet: the recording's file name, doctor's probe); no system, command or config.",
    `read = ${READ_CLASSES.join(',')}`,
    ...WRITE_CLASSES.map((entry) => `; write ${entry.name}: ${entry.why}`),
    `write = ${WRITE_CLASSES.map((entry) => entry.name).join(',')}`,
    'writetimeout = 5000',
    `; Only the events the helper uses (${options.filters === 'advanced' ? 'Asterisk 21.6, 22.1 or later; use --legacy-filters for older' : 'regular expressions for Asterisk before 21.6'}).`,
    `; ${FILTER_REVISION_VARIABLE} is set by no dialplan: courier-helper doctor checks with it`,
    '; that these filters are the current ones.',
    ...filterLines(options.filters),
    '',
  ].join('\n');
}
