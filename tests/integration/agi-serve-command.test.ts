import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helper/cli/run-cli';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { agiCall } from '../../harness/fake-asterisk';
import { testIo, type TestIo } from '../support/helper/cli/cli-harness';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  migrateHarnessDatabase,
  tempStateDir,
} from '../support/journal/harness-journal';

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

const toml = (value: string): string => JSON.stringify(value);

/** A server's configuration file: no [operator] or [websocket], the token from the environment. */
function serveConfigFile(agiPort: number, httpPort: number): string {
  const { mariadb, asterisk } = harnessInfo();
  return [
    '[pbx]',
    `host = ${toml(asterisk.amiHost)}`,
    `port = ${asterisk.amiPort}`,
    `user = ${toml(asterisk.accounts.helper.username)}`,
    `secret = ${toml(asterisk.accounts.helper.secret)}`,
    '[database]',
    `host = ${toml(mariadb.host)}`,
    `port = ${mariadb.port}`,
    `user = ${toml(mariadb.readOnly.user)}`,
    `password = ${toml(mariadb.readOnly.password)}`,
    `database = ${toml(mariadb.database)}`,
    '[journal]',
    'enabled = true',
    `user = ${toml(JOURNAL_ACCOUNT.user)}`,
    `password = ${toml(JOURNAL_ACCOUNT.password)}`,
    '[server]',
    'agiHost = "127.0.0.1"',
    `agiPort = ${agiPort}`,
    'httpHost = "127.0.0.1"',
    `httpPort = ${httpPort}`,
    'companyNumber = "74957770500"',
    '[log]',
    'level = "info"',
    '',
  ].join('\n');
}

let state: Awaited<ReturnType<typeof tempStateDir>>;
let root: Connection;
let running: Promise<number>;
let io: TestIo;
const stop = new AbortController();
let agiPort: number;
let httpPort: number;

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  root = await connectRoot();
  state = await tempStateDir();
  [agiPort, httpPort] = [await freeTcpPort(), await freeTcpPort()];
  const file = join(state.dir, 'helper.toml');
  writeFileSync(file, serveConfigFile(agiPort, httpPort));
  io = testIo({ COURIER_SERVER_HTTP_TOKENS: TOKEN }, stop.signal);
  running = runCli(['serve', '--config', file], io);
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

  it('stores keypad feedback with the writer account that migrate granted', async () => {
    const callId = `${Math.floor(Date.now() / 1000)}.9002`;
    await agiCall({
      port: agiPort,
      script: 'feedback',
      args: [
        `call=${callId}`,
        'outcome=rated',
        'rating=4',
        'tries=1',
        `customer=${FIXTURE_NUMBERS.recipient}`,
      ],
    });
    const [row] = await eventually(
      async () =>
        (
          await root.query<RowDataPacket[]>(
            'SELECT outcome, rating, customer_db_key FROM call_feedback WHERE call_id = ?',
            [callId],
          )
        )[0],
      (rows) => rows.length > 0,
      'the feedback row',
    );
    expect(row).toEqual({
      outcome: 'rated',
      rating: 4,
      customer_db_key: FIXTURE_NUMBERS.recipient,
    });
  });

  it('stops on the signal with exit code 0, its log free of the token and passwords', async () => {
    stop.abort();
    expect(await running).toBe(0);
    const log = io.err();
    expect(log).toContain('PBX-side service listening');
    expect(log).toContain('PBX-side service stopped');
    const { mariadb, asterisk } = harnessInfo();
    for (const secret of [
      TOKEN,
      JOURNAL_ACCOUNT.password,
      mariadb.readOnly.password,
      asterisk.accounts.helper.secret,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
