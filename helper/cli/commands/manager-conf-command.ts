import {
  AccountNameError,
  PermitAddressError,
  renderManagerConf,
  type FilterScope,
  type SeatAccount,
} from '../../workstation/manager-conf/render-manager-conf';
import { ChannelTemplateError } from '../../workstation/manager-conf/seat-filters';
import { parseSeatList, SeatListError } from '../../workstation/manager-conf/seat-list';
import { DEFAULTS } from '../../config/defaults';
import {
  DEFAULT_ACCOUNT_TEMPLATE,
  isAccountTemplate,
  seatAccountName,
} from '../../config/seat-account';
import type { CliIo } from '../../core/cli-io';
import { EXIT } from '../../core/cli-io';
import { UsageError } from '../usage';
import { loadCliConfig } from '../load-cli-config';
import type { CommandLine } from '../parse-command-line';
import { tr } from '../../core/cli-text';

/**
 * `manager-conf`: prints the AMI accounts of the seats given with `--seats` (one account
 * each, named as `pbx.user = "courier-{ext}"` names them: by `--user` or a configured
 * template, `courier-<ext>` otherwise), or of this workstation's operator. The
 * configuration only supplies defaults (account name, extensions, channel template), so a
 * configuration that is still incomplete does not stop it.
 */
export function managerConfCommand(line: CommandLine, io: CliIo): number {
  const loaded = loadCliConfig(line, io);
  const config = loaded.ok ? loaded.config : loaded.partial;
  if (!loaded.ok) {
    io.stderr.write(
      `${tr`Note: the configuration has problems (run "doctor"); printing the account anyway.`}\n`,
    );
  }
  try {
    const accounts = accountsOf(line, config?.operator.extensions ?? [], config?.pbx.user);
    const filters: FilterScope = line.legacyFilters
      ? 'legacy'
      : line.officeWide || accounts.some((a) => a.extensions.length === 0)
        ? 'office'
        : 'per-seat';
    if (filters === 'office' && !line.officeWide) {
      io.stderr.write(
        `${tr`Note: no extensions known (--seats or [operator] extensions), so the filters pass the whole office's calls; print per-seat accounts with --seats 101-103.`}\n`,
      );
    }
    io.stdout.write(
      renderManagerConf({
        accounts,
        ...(line.permit !== undefined ? { permit: line.permit } : {}),
        filters,
        channelTemplate: config?.originate.channel || DEFAULTS.originate.channel,
      }),
    );
    return EXIT.ok;
  } catch (error) {
    if (
      error instanceof PermitAddressError ||
      error instanceof AccountNameError ||
      error instanceof SeatListError ||
      error instanceof ChannelTemplateError ||
      error instanceof UsageError
    ) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function accountsOf(
  line: CommandLine,
  configured: readonly string[],
  configuredUser: string | undefined,
): SeatAccount[] {
  if (line.seats === undefined) {
    const user = line.user ?? configuredUser;
    if (user) return [{ user: accountName(user, configured), extensions: configured }];
    const first = configured.slice(0, 1);
    return [
      {
        user: accountName(DEFAULT_ACCOUNT_TEMPLATE, first, 'courier-helper'),
        extensions: configured,
      },
    ];
  }
  const seats = parseSeatList(line.seats);
  if (line.user !== undefined && !isAccountTemplate(line.user) && seats.length > 1) {
    throw new UsageError(
      tr`--user names one account: with several --seats give a template such as --user ${DEFAULT_ACCOUNT_TEMPLATE}, or leave it out`,
      'manager-conf',
    );
  }
  // A configured `courier-{ext}` names the printed accounts, as each seat will log in.
  const template =
    line.user ??
    (configuredUser !== undefined && isAccountTemplate(configuredUser)
      ? configuredUser
      : DEFAULT_ACCOUNT_TEMPLATE);
  return seats.map((extension) => ({
    user: accountName(template, [extension]),
    extensions: [extension],
  }));
}

/** The account a template names for these extensions; `otherwise` when it names none. */
function accountName(user: string, extensions: readonly string[], otherwise?: string): string {
  const seat = seatAccountName(user, extensions);
  if ('user' in seat) return seat.user;
  if (otherwise !== undefined) return otherwise;
  throw new UsageError(
    tr`${user} names each seat's account by its extension: give the seat with --seats 101, or the account with --user`,
    'manager-conf',
  );
}
