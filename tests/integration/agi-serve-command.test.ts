import { createServer } from 'node:net';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../helper/agi/logger';
import { runServeCommand, type ServeConfig } from '../../helper/server/run-serve-command';
import { DEFAULT_SERVER_SETTINGS } from '../../helper/server/server-settings';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../harness/fixtures';
import { harnessInfo } from '../harness/harness-info';
import { agiCall } from '../unit/agi/support/fake-asterisk';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  migrateHarnessDatabase,
  tempStateDir,
} from '../unit/journal/support/harness-journal';

const TOKEN = 'serve-token-0123456789abcdef0123456789';

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}

let state: Awaited<ReturnType<typeof tempStateDir>>;
let root: Connection;
let running: Promise<void>;
const stop = new AbortController();
let agiPort: number;
let httpPort: number;

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  root = await connectRoot();
  state = await tempStateDir();
  [agiPort, httpPort] = [await freeTcpPort(), await freeTcpPort()];
  const { mariadb, asterisk } = harnessInfo();
  const config: ServeConfig = {
    pbx: {
      host: asterisk.amiHost,
      port: asterisk.amiPort,
      user: asterisk.accounts.helper.username,
      secret: asterisk.accounts.helper.secret,
    },
    database: {
      host: mariadb.host,
      port: mariadb.port,
      user: mariadb.readOnly.user,
      password: mariadb.readOnly.password,
      database: mariadb.database,
      poolSize: 2,
      queryTimeoutMs: 2_000,
      cacheTtlSeconds: 0,
    },
    phone: { defaultCountry: 'RU' },
    journal: { enabled: true, ...JOURNAL_ACCOUNT, spoolDir: '' },
    server: {
      ...DEFAULT_SERVER_SETTINGS,
      agiHost: '127.0.0.1',
      agiPort,
      httpHost: '127.0.0.1',
      httpPort,
      httpTokens: [TOKEN],
      companyNumber: '74957770500',
    },
    paths: { stateDir: state.dir },
  };
  running = runServeCommand(config, silentLogger, stop.signal);
  await eventually(
    () =>
      agiCall({
        port: agiPort,
        script: 'route_call',
        callerId: FIXTURE_NUMBERS.courierMobile,
      }).catch(() => undefined),
    (result) => result !== undefined,
    'serve to listen',
  );
});

afterAll(async () => {
  stop.abort();
  await running;
  await root?.end();
  await state?.remove();
});

describe('courier-helper serve', () => {
  it('routes over FastAGI with the read-only account', async () => {
    const { variables } = await agiCall({
      port: agiPort,
      script: 'route_call',
      callerId: FIXTURE_NUMBERS.clientMain,
    });
    expect(variables).toEqual({
      CT_ROUTE_KIND: 'account-manager',
      CT_ROUTE_REASON: 'client-manager',
      CT_ROUTE_TARGETS: '103',
    });
  });

  it('journals a courier call with the writer account', async () => {
    const callId = `${Math.floor(Date.now() / 1000)}.9001`;
    await agiCall({
      port: agiPort,
      script: 'journal',
      args: [
        'kind=route',
        `call=${callId}`,
        'status=BUSY',
        `customer=${FIXTURE_NUMBERS.recipient}`,
        `reached=+${WELL_KNOWN.couriers.secondHolder.phonem}`,
      ],
    });
    const [row] = await eventually(
      async () =>
        (
          await root.query<RowDataPacket[]>(
            'SELECT j.result, j.courier_code, o.order_code FROM call_journal j ' +
              'LEFT JOIN call_journal_orders o ON o.journal_id = j.id WHERE j.call_id = ?',
            [callId],
          )
        )[0],
      (rows) => rows.length > 0,
      'the journal row',
    );
    // The codes were not on the call: the service found the parcel that courier holds.
    expect(row).toEqual({
      result: 'busy',
      courier_code: WELL_KNOWN.couriers.secondHolder.code,
      order_code: 2,
    });
  });

  it('serves the callback endpoint, refusing requests without the token', async () => {
    const response = await fetch(`http://127.0.0.1:${httpPort}/v1/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });
});
