/**
 * Runs a server with a paired client and a dial in progress, then closes it.
 * The parent test checks that this process exits by itself, which it only
 * does when no socket, timer or listener was left behind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';
import { startWsServer } from '../../../../../helper/workstation/ws/server';
import { PROTOCOL_VERSION } from '../../../../../shared/protocol';
import { FakeHelperApi } from './fake-helper-api';
import { MemoryLogger } from './memory-logger';
import { CHROME_ORIGIN, CLIENT_INFO, connect } from './ws-test-client';

const stateDir = await mkdtemp(join(tmpdir(), 'ws-exit-'));
const pairing = new PairingStore({ stateDir });
const api = new FakeHelperApi();
api.dialBehaviour = (_request, _onUpdate, signal) =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
const server = await startWsServer(
  {
    port: 0,
    allowedOrigins: [CHROME_ORIGIN],
    pairing,
    logger: new MemoryLogger(),
    helperVersion: '1.2.3',
    heartbeatIntervalMs: 1_000,
  },
  api,
);
const { code } = await pairing.createPairingCode();
const { token } = await pairing.redeem(code, CLIENT_INFO, CHROME_ORIGIN);
const client = await connect(server.port);
client.send({ type: 'hello', v: PROTOCOL_VERSION, token, client: CLIENT_INFO });
await client.next('welcome');
client.send({ type: 'dial', id: 'd1', number: '+79161234567', source: 'popup' });
await new Promise((resolve) => setTimeout(resolve, 50));
const idle = await connect(server.port);

await server.close();
const closes = await Promise.all([client.closed, idle.closed]);
await rm(stateDir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ closes: closes.map((c) => c.code), connections: server.connections(), dialAborted: api.dialSignals[0]?.aborted })}\n`,
);
