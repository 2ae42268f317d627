import { isIP } from 'node:net';
import {
  FILTER_REVISION_VARIABLE,
  HELPER_EVENTS,
  READ_CLASSES,
  RECORDING_VARIABLES,
  UNUSED_CALL_EVENTS,
  WRITE_CLASSES,
} from './account-privileges';
import { tr } from '../../core/cli-text';
import { filterLine, officeFilterRules, seatFilterRules } from './seat-filters';
import './russian';

/**
 * - `per-seat`: each account passes only the events naming its own seat's channels
 *   (advanced `eventfilter(...)` of Asterisk 21.6/22.1 and later);
 * - `office`: every event the helper reads, of every call in the office (advanced syntax);
 * - `legacy`: the office-wide filter as regular expressions, for older PBXs.
 */
export type FilterScope = 'per-seat' | 'office' | 'legacy';

/** One AMI account: its `[section]` name and the extensions of the seat it serves. */
export interface SeatAccount {
  readonly user: string;
  readonly extensions: readonly string[];
}

export interface ManagerConfOptions {
  /** One account per seat; office-wide filters print the same lines in each. */
  accounts: readonly SeatAccount[];
  /** The workstation address every account may log in from; a placeholder when absent. */
  permit?: string;
  filters: FilterScope;
  /** The operator's phone channel with `{ext}`, as `[originate] channel`: `PJSIP/{ext}`. */
  channelTemplate: string;
}

/** The workstation address is not an IP address. */
export class PermitAddressError extends Error {
  override readonly name = 'PermitAddressError';

  constructor(readonly address: string) {
    super(
      tr`--permit ${JSON.stringify(address)} is not an IP address: give this workstation's address as the PBX sees it, e.g. --permit 10.0.0.21`,
    );
  }
}

/** An AMI user name that manager.conf cannot hold as a section name. */
export class AccountNameError extends Error {
  override readonly name = 'AccountNameError';

  constructor(readonly user: string) {
    super(
      tr`${JSON.stringify(user)} cannot be an AMI account name: use letters, digits, "-", "_" or "." only, e.g. --user courier-101`,
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

function filterLines(scope: FilterScope, account: SeatAccount, template: string): string[] {
  if (scope === 'legacy') {
    // The whitespace class stops `Hangup` from also admitting HangupRequest and the like.
    return [
      ...HELPER_EVENTS.map((event) => `eventfilter = Event: ${event}[[:space:]]`),
      ...[...RECORDING_VARIABLES, FILTER_REVISION_VARIABLE].map(
        (variable) => `eventfilter = Event: VarSet[[:space:]].*Variable: ${variable}[[:space:]]`,
      ),
    ];
  }
  const rules =
    scope === 'office' ? officeFilterRules() : seatFilterRules(account.extensions, template);
  return rules.map(filterLine);
}

const FILTER_NOTE: Readonly<Record<FilterScope, string[]>> = {
  'per-seat': [
    "; Only the events of this seat's own channels (its phone and the Local channels leading",
    "; to it) that the helper uses: the PBX sends each seat its own calls, not the office's.",
    '; Asterisk 21.6, 22.1 or later; older PBXs take the office-wide --legacy-filters.',
  ],
  office: [
    '; Only the events the helper uses, of every call in the office (Asterisk 21.6, 22.1 or',
    '; later; use --legacy-filters for older). For many seats print per-seat accounts instead.',
  ],
  legacy: ['; Only the events the helper uses: regular expressions for Asterisk before 21.6.'],
};

function accountLines(options: ManagerConfOptions, account: SeatAccount): string[] {
  if (!ACCOUNT.test(account.user)) throw new AccountNameError(account.user);
  const who =
    account.extensions.length > 0
      ? `operator extension(s) ${account.extensions.join(',')}`
      : 'one operator';
  return [
    `; Courier Telephony helper: AMI account for ${who}.`,
    `[${account.user}]`,
    '; A long random secret, e.g. the output of: openssl rand -hex 24',
    'secret = CHANGE-ME',
    'deny = 0.0.0.0/0.0.0.0',
    ...permitLine(options.permit),
    ...READ_CLASSES.map((entry) => `; read ${entry.name}: ${entry.why}`),
    '; no system, command or config class, to read or to write.',
    `read = ${READ_CLASSES.map((entry) => entry.name).join(',')}`,
    ...WRITE_CLASSES.map((entry) => `; write ${entry.name}: ${entry.why}`),
    `write = ${WRITE_CLASSES.map((entry) => entry.name).join(',')}`,
    'writetimeout = 5000',
    ...FILTER_NOTE[options.filters],
    `; ${FILTER_REVISION_VARIABLE} is set by no dialplan: courier-helper doctor checks with it`,
    '; that these filters are the current ones.',
    ...filterLines(options.filters, account, options.channelTemplate),
    '',
  ];
}

/**
 * Least-privilege `manager.conf` accounts, one per seat: admitted from one workstation
 * only, the read/write classes the helper uses (no `system`), and event filters that keep
 * only the events it consumes — of that seat's own calls with `per-seat` filters.
 */
export function renderManagerConf(options: ManagerConfOptions): string {
  return [
    '; Paste into /etc/asterisk/manager_custom.conf (or manager.conf), set each secret, then',
    ';   asterisk -rx "manager reload"',
    "; and put the same user and secret into that seat's helper configuration: [pbx] user, secret.",
    '; [general] must have enabled = yes and port = 5038, with a bindaddr the workstations',
    '; reach, and the PBX firewall must admit each workstation to that port.',
    ';',
    '; Many seats: Asterisk wakes every AMI session for every event it emits, whatever its',
    '; filters then pass. If no other AMI application on this PBX reads them, stop the',
    '; per-call events the helper never uses with one more line in [general]:',
    `;   disabledevents = ${UNUSED_CALL_EVENTS.join(',')}`,
    '',
    ...options.accounts.flatMap((account) => accountLines(options, account)),
  ].join('\n');
}
