import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';
import {
  startWsServer,
  type WsServerHandle,
  type WsServerOptions,
} from '../../../../../helper/workstation/ws/server';
import { PROTOCOL_VERSION } from '../../../../../shared/protocol';
import { FakeHelperApi } from './fake-helper-api';
import { MemoryLogger } from './memory-logger';
import { CHROME_ORIGIN, CLIENT_INFO, connect, type TestClient } from './ws-test-client';

export interface ServerFixture {
  server: WsServerHandle;
  api: FakeHelperApi;
  logger: MemoryLogger;
  /** The store the server redeems and verifies with. */
  pairing: PairingStore;
  stateDir: string;
  /** Every token issued in this fixture, to check the logs never show them. */
  issuedSecrets: string[];
  /** Pairs a new client through the store, as from `origin`, and returns its token. */
  issueToken(origin?: string): Promise<string>;
  /** Connects, says hello with a fresh token and waits for `welcome`. */
  pairedClient(options?: Parameters<typeof connect>[1]): Promise<TestClient>;
  dispose(): Promise<void>;
}

export async function startFixture(
  overrides: Partial<WsServerOptions> = {},
): Promise<ServerFixture> {
  const stateDir = await mkdtemp(join(tmpdir(), 'ws-server-'));
  const pairing = new PairingStore({ stateDir });
  const api = new FakeHelperApi();
  const logger = new MemoryLogger();
  const server = await startWsServer(
    {
      port: 0,
      hosts: ['127.0.0.1'],
      allowedOrigins: [CHROME_ORIGIN],
      pairing,
      logger,
      helperVersion: '1.2.3',
      ...overrides,
    },
    api,
  );
  const clients: TestClient[] = [];
  const issuedSecrets: string[] = [];

  const issueToken = async (origin = CHROME_ORIGIN) => {
    const { code } = await pairing.createPairingCode();
    const { token } = await pairing.redeem(code, CLIENT_INFO, origin);
    issuedSecrets.push(code, token);
    return token;
  };

  return {
    server,
    api,
    logger,
    pairing,
    stateDir,
    issuedSecrets,
    issueToken,
    async pairedClient(options) {
      const token = await issueToken();
      const client = await connect(server.port, options);
      clients.push(client);
      client.send({ type: 'hello', v: PROTOCOL_VERSION, token, client: CLIENT_INFO });
      await client.next('welcome');
      return client;
    },
    async dispose() {
      await Promise.all(clients.map((client) => client.close()));
      await server.close();
      await rm(stateDir, { recursive: true, force: true });
      const logged = logger.text();
      if (issuedSecrets.some((secret) => logged.includes(secret))) {
        throw new Error('A pairing code or token was written to the log.');
      }
    },
  };
}
