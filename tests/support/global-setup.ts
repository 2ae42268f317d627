import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateCourierDb, COURIER_DATABASE } from '../../harness/courier-db/generate-courier-db';
import { READ_ONLY_ACCOUNT } from '../../harness/courier-db/read-only-account';
import { startAsterisk, type AsteriskService } from '../../harness/services/asterisk';
import { startMariaDb, type MariaDbService } from '../../harness/services/mariadb';
import { onProcessExit } from '../../harness/services/exit-cleanup';
import { checkTestServices } from '../../harness/services/preflight';
import { killLeftoverSipp } from '../../harness/services/sipp-leftovers';
import { startControlServer, type ControlServer } from './control-server';
import type { HarnessInfo } from './harness-info';

/** Size of the generated database for tests: fast to load, large enough to be realistic. */
const TEST_CONTACTS = 3_000;

async function startCourierDb(): Promise<MariaDbService> {
  const mariadb = await startMariaDb();
  try {
    await generateCourierDb({
      target: { host: mariadb.host, port: mariadb.port, user: mariadb.rootUser },
      contacts: TEST_CONTACTS,
    });
    return mariadb;
  } catch (error) {
    await mariadb.stop();
    throw error;
  }
}

/**
 * Starts MariaDB (schema, generated data, read-only account) and Asterisk once per test
 * run, hands their details to the tests (`inject('harness')`), and stops both by PID in the
 * teardown. Interrupted runs are cleaned up by the services' own exit handlers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  checkTestServices();
  const workDir = mkdtempSync(join(tmpdir(), 'ct-harness-'));
  const removeWorkDir = (): void => {
    killLeftoverSipp(join(workDir, 'sipp'));
    rmSync(workDir, { recursive: true, force: true });
  };
  const unregister = onProcessExit(removeWorkDir);
  const [db, pbx] = await Promise.allSettled([startCourierDb(), startAsterisk()]);
  if (db.status === 'rejected' || pbx.status === 'rejected') {
    if (db.status === 'fulfilled') await db.value.stop();
    if (pbx.status === 'fulfilled') await pbx.value.stop();
    removeWorkDir();
    unregister();
    throw db.status === 'rejected' ? db.reason : (pbx as PromiseRejectedResult).reason;
  }
  const mariadb: MariaDbService = db.value;
  const asterisk: AsteriskService = pbx.value;
  const control: ControlServer = await startControlServer({ mariadb, asterisk });

  const info: HarnessInfo = {
    mariadb: {
      host: mariadb.host,
      port: mariadb.port,
      database: COURIER_DATABASE,
      root: { user: mariadb.rootUser, password: '' },
      readOnly: { ...READ_ONLY_ACCOUNT },
    },
    asterisk: {
      amiHost: asterisk.amiHost,
      amiPort: asterisk.amiPort,
      sipHost: asterisk.sipHost,
      sipPort: asterisk.sipPort,
      accounts: asterisk.accounts,
      peers: asterisk.peers,
      trunkIp: asterisk.trunkIp,
      root: asterisk.root,
      runDir: asterisk.runDir,
      hostRunDir: asterisk.hostRunDir,
    },
    controlUrl: control.url,
    workDir,
  };
  project.provide('harness', info);
  console.log(
    `test harness ready in ${Math.round(performance.now() - started)} ms: ` +
      `MariaDB 127.0.0.1:${mariadb.port}, AMI 127.0.0.1:${asterisk.amiPort}, ` +
      `SIP 127.0.0.1:${asterisk.sipPort}, Asterisk run dir ${asterisk.hostRunDir}`,
  );

  return async () => {
    await control.close();
    removeWorkDir();
    unregister();
    await Promise.allSettled([asterisk.stop(), mariadb.stop()]);
  };
}
