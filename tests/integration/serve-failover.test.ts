import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reservePort, type PortReservation } from '../../harness/services/port-reservation';
import { startServeProcess, type ServeProcess } from '../../harness/processes/serve-process';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  migrateHarnessDatabase,
} from '../support/journal/harness-journal';
import {
  COMPANY_DID,
  DIALPLAN_GLOBALS,
  setDialplanGlobals,
} from '../support/integration/pbx-service-fixture';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';

const TOKEN = 'failover-token-0123456789abcdef0123456789';
const { courierWithManager, secondHolder } = WELL_KNOWN.couriers;
const { orderA } = WELL_KNOWN.orders;
const RECIPIENT = FIXTURE_NUMBERS.recipient;

let workDir: string;
let root: Connection;
const ports: PortReservation[] = [];
const running: ServeProcess[] = [];

async function port(): Promise<number> {
  const reservation = await reservePort('127.0.0.1');
  ports.push(reservation);
  return reservation.port;
}

/** One `serve` with the journal's account, as a process of its own. */
async function serve(name: string, agiPort: number, httpPort: number): Promise<ServeProcess> {
  const { mariadb, asterisk } = harnessInfo();
  const started = await startServeProcess({
    runtime: { kind: 'tsx' },
    workDir: join(workDir, name),
    agiPort,
    http: { port: httpPort, token: TOKEN },
    ami: {
      host: asterisk.amiHost,
      port: asterisk.amiPort,
      user: asterisk.accounts.helper.username,
      secret: asterisk.accounts.helper.secret,
    },
    lookups: {
      host: mariadb.host,
      port: mariadb.port,
      database: mariadb.database,
      ...mariadb.readOnly,
    },
    journal: JOURNAL_ACCOUNT,
    companyNumber: COMPANY_DID,
  });
  running.push(started);
  return started;
}

/** Where the dialplan looks for the service, in this order. */
async function pointDialplanAt(...agiPorts: number[]): Promise<void> {
  await setDialplanGlobals({
    ...DIALPLAN_GLOBALS,
    CT_AGI_SERVERS: agiPorts.map((agi) => `127.0.0.1:${agi}`).join('&'),
  });
}

async function forgetCallbacks(): Promise<void> {
  await root.query('DELETE FROM courier_callback_memory WHERE recipient_db_key = ?', [RECIPIENT]);
}

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  root = await connectRoot();
  await forgetCallbacks();
  workDir = mkdtempSync(join(tmpdir(), 'ct-serve-failover-'));
});

afterEach(stopSipp);

afterAll(async () => {
  await Promise.all(running.map((child) => child.stop()));
  for (const reservation of ports) reservation.release();
  await forgetCallbacks().catch(() => undefined);
  await root?.end();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('while serve is killed and restarted', () => {
  it('calls still reach the operators, and are routed again once it is back', async () => {
    const agiPort = await port();
    let service = await serve('restart', agiPort, await port());
    await pointDialplanAt(agiPort);

    const farEnd = await startFarEnd('ring');
    const routed = await placeInboundCall({ from: RECIPIENT, did: COMPANY_DID });
    expect((await farEnd.waitForInvite({ since: 0 })).dialled).toBe(`+${secondHolder.phonem}`);
    await routed.hangup();

    await service.kill();
    const phone = await startPhone('101', 'ring');
    const started = Date.now();
    const fallback = await placeInboundCall({ from: RECIPIENT, did: COMPANY_DID });
    const rung = await phone.waitForInvite({ since: 0 });
    expect(rung.fromUser).toBe(RECIPIENT);
    // The dialplan set the operators' route before asking: a refused connection costs nothing.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(farEnd.invites()).toHaveLength(1);
    await fallback.hangup();

    service = await service.restart();
    const again = await placeInboundCall({ from: RECIPIENT, did: COMPANY_DID });
    expect((await farEnd.waitForInvite({ since: 1 })).dialled).toBe(`+${secondHolder.phonem}`);
    await again.hangup();
    await service.stop();
  });
});

describe('two serve instances for one PBX', () => {
  it('the second carries on when the first is killed, knowing the callbacks the first placed', async () => {
    const [agiA, agiB, httpA] = [await port(), await port(), await port()];
    const first = await serve('first', agiA, httpA);
    await serve('second', agiB, await port());
    await pointDialplanAt(agiA, agiB);

    // A courier calls the recipient back through the first instance.
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300, hangupAfterMs: 1_000 });
    const response = await fetch(`http://127.0.0.1:${httpA}/v1/callbacks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        courier: courierWithManager.code,
        recipient: RECIPIENT,
        order: orderA.code,
      }),
    });
    expect(response.status).toBe(202);
    expect((await farEnd.waitForInvite({ since: 0 })).dialled).toBe(
      `+${courierWithManager.phonem}`,
    );
    await eventually(
      async () =>
        (
          await root.query<RowDataPacket[]>(
            'SELECT courier_mobile FROM courier_callback_memory WHERE recipient_db_key = ?',
            [RECIPIENT],
          )
        )[0],
      (rows) => rows.length > 0,
      'the callback in the shared memory',
    );
    await stopSipp();

    await first.kill();
    const ringing = await startFarEnd('ring');
    const callBack = await placeInboundCall({ from: RECIPIENT, did: COMPANY_DID });
    // Without the callback, the latest hand-over (the second holder) would have been rung.
    const invite = await ringing.waitForInvite({ since: 0 });
    expect(invite.dialled).toBe(`+${courierWithManager.phonem}`);
    await callBack.hangup();
  });
});
