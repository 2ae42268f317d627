import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelVariable, numberValue } from '../../../../../helper/pbx-service/agi/channel-value';
import {
  FastAgiServer,
  type AgiHandler,
} from '../../../../../helper/pbx-service/agi/fastagi-server';
import { PeerAllowList } from '../../../../../helper/config/peer-allow-list';
import { agiCall } from '../../../../../harness/fake-asterisk';

const servers: FastAgiServer[] = [];

async function serve(
  handlers: Record<string, AgiHandler>,
  allowed = ['127.0.0.1'],
  options: { sessionTimeoutMs?: number } = {},
): Promise<FastAgiServer> {
  const server = await FastAgiServer.listen({
    host: '127.0.0.1',
    port: 0,
    allowList: new PeerAllowList(allowed),
    handlers,
    ...options,
  });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('FastAgiServer', () => {
  it('runs the named script with the environment and closes the session after it', async () => {
    const seen: string[] = [];
    const server = await serve({
      route_call: async (session) => {
        seen.push(session.environment.callerId, session.remoteAddress);
        await session.setVariable(
          channelVariable('CT_ROUTE_TARGETS'),
          numberValue('+79031112233', 'x'),
        );
      },
    });
    const result = await agiCall({
      port: server.port,
      script: 'route_call',
      callerId: '79161234567',
    });
    expect(seen).toEqual(['79161234567', '127.0.0.1']);
    expect(result.variables).toEqual({ CT_ROUTE_TARGETS: '+79031112233' });
    expect(result.closedByServer).toBe(true);
    await vi.waitFor(() => expect(server.sessions).toBe(0));
  });

  it('closes an unknown script at once, so the dialplan goes on with its fallback', async () => {
    const server = await serve({ route_call: async () => undefined });
    const result = await agiCall({ port: server.port, script: 'System' });
    expect(result.commands).toEqual([]);
    expect(result.closedByServer).toBe(true);
  });

  it('drops connections from addresses outside the allow-list before reading anything', async () => {
    let ran = false;
    const server = await serve({ route_call: async () => void (ran = true) }, ['10.9.9.9']);
    const result = await agiCall({ port: server.port, script: 'route_call' }).catch(
      (error: Error) => error,
    );
    expect(ran).toBe(false);
    if (!(result instanceof Error)) expect(result.commands).toEqual([]);
  });

  it('ends a session whose script outlives the session deadline', async () => {
    let aborted = false;
    const server = await serve(
      {
        route_call: (_session, signal) =>
          new Promise<void>((resolve) => {
            signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            });
          }),
      },
      ['127.0.0.1'],
      { sessionTimeoutMs: 50 },
    );
    const result = await agiCall({ port: server.port, script: 'route_call', timeoutMs: 5_000 });
    expect(result.closedByServer).toBe(true);
    expect(aborted).toBe(true);
  });

  it('closes a peer that never sends its agi_* block, and stops on close()', async () => {
    const server = await FastAgiServer.listen({
      host: '127.0.0.1',
      port: 0,
      allowList: new PeerAllowList(['127.0.0.1']),
      handlers: {},
      environmentTimeoutMs: 50,
    });
    servers.push(server);
    const closed = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: server.port });
      socket.on('close', () => resolve(true));
      socket.on('error', () => undefined);
    });
    expect(closed).toBe(true);
    await server.close();
    await expect(agiCall({ port: server.port, script: 'route_call' })).rejects.toThrow();
  });
});
