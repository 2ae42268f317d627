import { COURIER_DATABASE } from '../../harness/courier-db/generate-courier-db';
import { READ_ONLY_ACCOUNT } from '../../harness/courier-db/read-only-account';
import { startAsterisk, type AsteriskService } from '../../harness/services/asterisk';
import type { MariaDbService } from '../../harness/services/mariadb';
import { checkTestServices } from '../../harness/services/preflight';
import { startCachedCourierDb, type CachedCourierDb } from './cached-courier-db';
import type { AmiAccess, DatabaseAccess } from '../../harness/processes/service-access';

export interface BenchServices {
  readonly mariadb: MariaDbService;
  readonly asterisk: AsteriskService;
  readonly database: CachedCourierDb;
  /** The read-only lookup account, as the helper uses it. */
  readonly lookupAccess: DatabaseAccess;
  /** Full rights, for sampling callers. */
  readonly rootAccess: DatabaseAccess;
  /** The least-privilege helper account on the PBX's AMI port. */
  readonly amiAccess: AmiAccess;
  stop(): Promise<void>;
}

export interface BenchServicesOptions {
  readonly contacts: number;
  readonly seed: number;
  readonly log: (line: string) => void;
  /** Per-seat AMI accounts besides 101–103 (`2000-2299`), for the fleet benchmark. */
  readonly extraSeats?: string;
}

/**
 * MariaDB with the generated courier database and Asterisk 22 with the test dialplan,
 * started side by side. Both stop by PID in `stop()`, or from their exit handlers on
 * Ctrl-C.
 */
export async function startBenchServices(options: BenchServicesOptions): Promise<BenchServices> {
  checkTestServices();
  const [db, pbx] = await Promise.allSettled([
    startCachedCourierDb({ contacts: options.contacts, seed: options.seed, log: options.log }),
    startAsterisk(options.extraSeats === undefined ? {} : { extraSeats: options.extraSeats }),
  ]);
  if (db.status === 'rejected' || pbx.status === 'rejected') {
    if (db.status === 'fulfilled') await db.value.mariadb.stop();
    if (pbx.status === 'fulfilled') await pbx.value.stop();
    throw db.status === 'rejected' ? db.reason : (pbx as PromiseRejectedResult).reason;
  }
  const { mariadb } = db.value;
  const asterisk = pbx.value;
  const server = { host: mariadb.host, port: mariadb.port, database: COURIER_DATABASE };
  return {
    mariadb,
    asterisk,
    database: db.value,
    lookupAccess: { ...server, ...READ_ONLY_ACCOUNT },
    rootAccess: { ...server, user: mariadb.rootUser, password: '' },
    amiAccess: {
      host: asterisk.amiHost,
      port: asterisk.amiPort,
      user: asterisk.accounts.helper.username,
      secret: asterisk.accounts.helper.secret,
    },
    async stop() {
      await Promise.allSettled([asterisk.stop(), mariadb.stop()]);
    },
  };
}
