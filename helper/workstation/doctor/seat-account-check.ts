import { isAccountTemplate, seatAccountName } from '../../config/seat-account';
import type { HelperConfig, PbxConfig } from '../../config/types';
import { resolveOperatorExtensions } from '../../lookup/operator-extensions';
import { tr } from '../../core/cli-text';
import { fail, ok } from './check-result';
import type { CheckProgress, CheckResult } from './check-result';
import type { DoctorDatabaseFactory } from './doctor-database';
import { openDoctorDatabase } from './doctor-database';
import './russian';

export const SEAT_ACCOUNT_CHECK = (): string => tr`AMI account`;

export interface SeatAccount {
  /** Said only when `pbx.user` is a template: which account it names on this seat. */
  results: CheckResult[];
  /** The PBX settings with the account this seat logs in as; absent when it has none. */
  pbx?: PbxConfig;
  /** The seat's extensions, as far as they are known. */
  extensions: readonly string[];
}

type SeatConfig = Pick<HelperConfig, 'pbx' | 'operator' | 'database' | 'lookup'>;

/** The seat's extensions from `users.extPhone`, as the helper reads them at start. */
async function cabinetExtensions(
  config: SeatConfig,
  factory: DoctorDatabaseFactory,
): Promise<string[]> {
  const database = factory(config.database);
  try {
    const executor = {
      query: async (sql: string, params: readonly (string | number)[]) =>
        (await database.execute(sql, params)).rows,
      close: () => database.close(),
    };
    return await resolveOperatorExtensions(
      executor,
      config.lookup.operatorExtensions,
      config.operator.user,
    );
  } finally {
    await database.close().catch(() => undefined);
  }
}

/**
 * The AMI account this seat logs in as. A `pbx.user` template (`courier-{ext}`) names it
 * after the seat's one extension, which `operator.user` mode reads from the cabinet, as the
 * helper does before it logs in; the report then shows the name (never the secret).
 */
export async function seatAccount(
  config: SeatConfig,
  factory: DoctorDatabaseFactory = openDoctorDatabase,
  progress?: CheckProgress,
): Promise<SeatAccount> {
  const configured = config.operator.extensions;
  if (!isAccountTemplate(config.pbx.user)) {
    return { results: [], pbx: config.pbx, extensions: configured };
  }
  const name = SEAT_ACCOUNT_CHECK();
  progress?.start(name);
  let extensions: readonly string[] = configured;
  if (extensions.length === 0 && config.operator.user !== '') {
    try {
      extensions = await cabinetExtensions(config, factory);
    } catch (error) {
      return {
        results: [
          fail(
            name,
            tr`pbx.user "${config.pbx.user}" needs this seat's extension, which could not be read: ${(error as Error).message}`,
            tr`correct what the database checks below report, then run doctor again`,
          ),
        ],
        extensions,
      };
    }
  }
  const seat = seatAccountName(config.pbx.user, extensions);
  if ('problem' in seat) {
    return { results: [fail(name, seat.problem.message, seat.problem.fix)], extensions };
  }
  return {
    results: [
      ok(
        name,
        tr`"${seat.user}": pbx.user "${config.pbx.user}" for extension ${extensions.join(',')}`,
      ),
    ],
    pbx: { ...config.pbx, user: seat.user },
    extensions,
  };
}
