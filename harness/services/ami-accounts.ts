import { randomBytes } from 'node:crypto';
import { renderManagerConf } from '../../helper/workstation/manager-conf/render-manager-conf';
import { parseSeatList } from '../../helper/workstation/manager-conf/seat-list';
import { AMI_USERS, SEAT_RANGE, seatUser } from '../pbx-plan';
import type { AmiAccount } from '../raw-ami';

/** The test PBX's AMI accounts; the secrets are chosen per run. */
export interface HarnessAmiAccounts {
  /** The helper's office-wide account. */
  readonly helper: AmiAccount;
  /** Full rights, for the tests' own observation and control. */
  readonly admin: AmiAccount;
  /** Per-seat accounts by extension: 101–103, and any extra seats a benchmark asked for. */
  readonly seats: Readonly<Record<string, AmiAccount>>;
}

const CHANNEL_TEMPLATE = 'PJSIP/{ext}';
const PERMIT = '127.0.0.1';

function secret(): string {
  return randomBytes(12).toString('hex');
}

/** New accounts: the helper's, the admin's and one per seat of 101–103 and `extraSeats`. */
export function createAmiAccounts(extraSeats?: string): HarnessAmiAccounts {
  const seatSecret = secret();
  const extensions = parseSeatList(
    extraSeats === undefined ? SEAT_RANGE : `${SEAT_RANGE},${extraSeats}`,
  );
  return {
    helper: { username: AMI_USERS.helper, secret: secret() },
    admin: { username: AMI_USERS.admin, secret: secret() },
    seats: Object.fromEntries(
      extensions.map((ext) => [ext, { username: seatUser(ext), secret: seatSecret }]),
    ),
  };
}

/**
 * The helper's accounts for `manager.conf`, printed by the product's own manager-conf
 * renderer — the office-wide `helper` account and every per-seat account in one run, as
 * `manager-conf --office-wide --user helper` and `manager-conf --seats 101-103` print them —
 * with this run's secrets filled in.
 */
export function helperAccountsConf(accounts: HarnessAmiAccounts): string {
  const office = renderManagerConf({
    accounts: [{ user: accounts.helper.username, extensions: [] }],
    permit: PERMIT,
    filters: 'office',
    channelTemplate: CHANNEL_TEMPLATE,
  });
  const seats = Object.entries(accounts.seats);
  const perSeat = renderManagerConf({
    accounts: seats.map(([ext, account]) => ({ user: account.username, extensions: [ext] })),
    permit: PERMIT,
    filters: 'per-seat',
    channelTemplate: CHANNEL_TEMPLATE,
  });
  const seatSecret = seats[0]?.[1].secret ?? secret();
  return [
    office.replace('secret = CHANGE-ME', `secret = ${accounts.helper.secret}`),
    perSeat.replaceAll('secret = CHANGE-ME', `secret = ${seatSecret}`),
  ].join('\n');
}
