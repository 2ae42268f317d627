import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessFaults } from '../support/fault-control';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import {
  COMPANY_DID,
  readOnlyLookups,
  startTestPbxService,
  type TestPbxService,
} from '../support/integration/pbx-service-fixture';

/** The routing deadline these tests run with: the service's default. */
const ROUTE_TIMEOUT_MS = 300;

let pbx: TestPbxService | undefined;

afterEach(async () => {
  await stopSipp();
  await pbx?.close();
  pbx = undefined;
});

afterAll(async () => {
  // Later test files share the database.
  await harnessFaults.startMariaDb();
});

/** A "database" that accepts connections and never says a word: a hung server. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The operators' queue rings this call on 101. A phone takes only the INVITE of this call:
 * the PBX may still retransmit one from an earlier test's queue call (for up to 32 s, to a
 * phone that was not running). Both queue members' phones run, so this call's own INVITEs
 * are answered and do not reach the phones of later tests.
 */
async function expectOperatorsRing(from: string): Promise<void> {
  const phone = await startPhone('101', 'ring');
  await startPhone('102', 'ring');
  const call = await placeInboundCall({ from, did: COMPANY_DID });
  await phone.waitForInvite({ since: 0, fromUser: from, timeoutMs: 15_000 });
  await call.hangup();
}

describe('routing while the database cannot answer', () => {
  it('puts a recipient through to the operators while the database is stopped', async () => {
    pbx = await startTestPbxService();
    await harnessFaults.stopMariaDb();
    await expectOperatorsRing(FIXTURE_NUMBERS.recipient);
    const routed = pbx.routed.at(-1);
    expect(routed?.decision).toEqual({ kind: 'operators', reason: 'database-unavailable' });
    await harnessFaults.startMariaDb();
  });

  it('gives up on a database that does not answer after the routing deadline', async () => {
    const hung = await silentServer();
    const lookups = readOnlyLookups({ port: hung.port, queryTimeoutMs: 2_000 });
    try {
      pbx = await startTestPbxService({ lookups, settings: { routeTimeoutMs: ROUTE_TIMEOUT_MS } });
      await expectOperatorsRing(FIXTURE_NUMBERS.recipient);
      const routed = pbx.routed.at(-1);
      expect(routed?.decision).toEqual({ kind: 'operators', reason: 'timeout' });
      // Below the 2 s the hung connection takes to fail by itself: the deadline decided.
      expect(routed?.context.elapsedMs).toBeLessThan(2_000);
    } finally {
      await pbx?.close();
      pbx = undefined;
      await lookups.close().catch(() => undefined);
      await hung.close();
    }
  });
});
