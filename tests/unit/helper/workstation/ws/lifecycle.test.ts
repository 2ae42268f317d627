import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';
import {
  InvalidAllowedOriginError,
  NonLoopbackHostError,
  PortInUseError,
} from '../../../../../helper/workstation/ws/errors';
import { startWsServer, type WsServerOptions } from '../../../../../helper/workstation/ws/server';
import { FakeHelperApi } from '../../../../support/helper/workstation/ws/fake-helper-api';
import { MemoryLogger } from '../../../../support/helper/workstation/ws/memory-logger';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';
import { CHROME_ORIGIN, connect } from '../../../../support/helper/workstation/ws/ws-test-client';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
let fixture: ServerFixture | undefined;
let blocker: Server | undefined;

afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
});

function options(overrides: Partial<WsServerOptions>): WsServerOptions {
  return {
    port: 0,
    allowedOrigins: [CHROME_ORIGIN],
    pairing: new PairingStore({ stateDir: '/nonexistent-state-dir' }),
    logger: new MemoryLogger(),
    helperVersion: '1.2.3',
    ...overrides,
  };
}

describe('binding', () => {
  it('refuses a non-loopback listen address, naming websocket.hosts', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'localhost', 'example.com']) {
      const attempt = startWsServer(options({ hosts: ['127.0.0.1', host] }), new FakeHelperApi());
      await expect(attempt).rejects.toThrow(NonLoopbackHostError);
      await expect(attempt).rejects.toThrow(/websocket\.hosts/);
    }
  });

  it('refuses allowed origins that are not extension origins', async () => {
    for (const origin of ['https://cabinet.example.ru', 'null', '*', 'chrome-extension://*']) {
      const attempt = startWsServer(options({ allowedOrigins: [origin] }), new FakeHelperApi());
      await expect(attempt).rejects.toThrow(InvalidAllowedOriginError);
    }
  });

  it('reports a busy port with a PortInUseError naming websocket.port', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => {
        const address = blocker!.address();
        resolve(typeof address === 'object' && address ? address.port : 0);
      }),
    );
    const attempt = startWsServer(options({ port, hosts: ['127.0.0.1'] }), new FakeHelperApi());
    await expect(attempt).rejects.toThrow(PortInUseError);
    await expect(attempt).rejects.toThrow(/websocket\.port/);
  });

  it('listens on both loopback addresses by default', async () => {
    fixture = await startFixture({ hosts: undefined });
    const v4 = await connect(fixture.server.port, { host: '127.0.0.1' });
    await v4.close();
    const ipv6 = fixture.logger.has(
      'IPv6 loopback is not available on this computer; listening on IPv4 only',
    );
    if (!ipv6) {
      const v6 = await connect(fixture.server.port, {
        host: '::1',
        headers: { Host: `[::1]:${fixture.server.port}` },
      });
      await v6.close();
    }
    expect(fixture.logger.has('WebSocket server listening')).toBe(true);
  });
});

describe('shutdown', () => {
  it('closes every socket with 1001 and is idempotent', async () => {
    fixture = await startFixture();
    const paired = await fixture.pairedClient();
    const waiting = await connect(fixture.server.port);
    expect(fixture.server.connections()).toBe(2);
    await Promise.all([fixture.server.close(), fixture.server.close()]);
    expect((await paired.closed).code).toBe(1001);
    expect((await waiting.closed).code).toBe(1001);
    expect(fixture.server.connections()).toBe(0);
    expect(fixture.api.subscriberCount()).toBe(0);
    await expect(connect(fixture.server.port)).rejects.toThrow();
  });

  it('closes when its AbortSignal aborts', async () => {
    const controller = new AbortController();
    fixture = await startFixture({ signal: controller.signal });
    const client = await fixture.pairedClient();
    controller.abort();
    expect((await client.closed).code).toBe(1001);
    await expect.poll(() => fixture?.server.connections()).toBe(0);
  });

  it('leaves nothing running: a process that closed the server exits by itself', async () => {
    const script = fileURLToPath(
      new URL('../../../../support/helper/workstation/ws/start-and-close.ts', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const exitCode = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 30_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ closes: [1001, 1001], connections: 0, dialAborted: true });
  }, 40_000);
});
