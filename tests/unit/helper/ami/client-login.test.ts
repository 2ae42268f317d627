import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AmiClient } from '../../../../helper/ami/client';
import {
  AmiClosedError,
  AmiConfigError,
  AmiLoginError,
  AmiProtocolError,
} from '../../../../helper/ami/errors';
import { FakeAmiServer } from '../../../support/fake-ami-server';
import {
  captureLogger,
  makeClient,
  SECRET,
  sleep,
  USERNAME,
  waitUntil,
} from '../../../support/helper/ami/client-harness';

let server: FakeAmiServer;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  server = await FakeAmiServer.start({ username: USERNAME, secret: SECRET });
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await server.close();
});

function tracked(...args: Parameters<typeof makeClient>) {
  const made = makeClient(...args);
  cleanups.push(() => made.client.close());
  return made;
}

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('AmiClient login', () => {
  it('logs in with its own ActionID and reports ready', async () => {
    const { client, states, readies } = tracked(server, { eventMask: 'call,dialplan' });
    await client.start();
    expect(client.state).toBe('ready');
    expect(client.amiVersion).toBe('11.0.0');
    const { action } = await server.waitForAction('Login');
    expect(action.get('Username')).toBe(USERNAME);
    expect(action.get('Secret')).toBe(SECRET);
    expect(action.get('Events')).toBe('call,dialplan');
    expect(action.actionId).toMatch(/^ct-[0-9a-f]{8}-\d+$/);
    expect(states.map((s) => s.to)).toEqual(['connecting', 'authenticating', 'ready']);
    expect(readies).toEqual([false]);
  });

  it('rejects a wrong secret with AmiLoginError and does not retry in a loop', async () => {
    server.secret = 'another';
    const { client, states, logs } = tracked(server);
    const error = await client.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmiLoginError);
    expect((error as Error).message).toContain('pbx.secret');
    expect((error as Error).message).not.toContain(SECRET);
    expect(client.state).toBe('auth-failed');
    // Many reconnect delays (20–200 ms) pass; a network-style retry loop would reconnect.
    await sleep(600);
    expect(server.connections).toHaveLength(1);
    expect(states.at(-1)?.to).toBe('auth-failed');
    expect(logs.join('\n')).not.toContain(SECRET);
  });

  it('makes one new attempt when start() is called again after auth-failed', async () => {
    server.secret = 'another';
    const { client, readies } = tracked(server);
    await expect(client.start()).rejects.toBeInstanceOf(AmiLoginError);
    server.secret = SECRET;
    await client.start();
    expect(client.state).toBe('ready');
    expect(server.connections).toHaveLength(2);
    expect(readies).toEqual([false]);
  });

  it('never writes the secret into the log, at any level, in any path', async () => {
    const { logger, lines } = captureLogger();
    const client = new AmiClient({
      host: '127.0.0.1',
      port: server.port,
      username: USERNAME,
      secret: SECRET,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100, jitter: 'full' },
      logger,
    });
    cleanups.push(() => client.close());
    await client.start();
    await client.action('Ping');
    await client.action('Status').catch(() => undefined);
    server.dropAll();
    await waitUntil(() => server.connections.length === 2 && client.state === 'ready', 'relogin');
    server.secret = 'changed-on-the-pbx';
    server.dropAll();
    await waitUntil(() => client.state === 'auth-failed', 'auth-failed after relogin');
    await client.close();
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('reads a username given as a function before each login, reconnects included', async () => {
    let seatAccount = 'courier-102';
    server.username = seatAccount;
    const { client, readies, logs } = tracked(server, { username: () => seatAccount });
    await client.start();
    // The name changes between logins: the reconnect logs in with the name of that moment.
    seatAccount = 'courier-103';
    server.username = seatAccount;
    server.dropAll();
    await waitUntil(() => readies.length === 2, 'second login');
    const logins = server.allActions().filter((action) => action.name === 'Login');
    expect(logins.map((action) => action.get('Username'))).toEqual(['courier-102', 'courier-103']);
    const loggedIn = logs.filter((line) => line.includes('"AMI logged in"'));
    expect(loggedIn.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({ user: 'courier-102', reconnected: false }),
      expect.objectContaining({ user: 'courier-103', reconnected: true }),
    ]);
  });

  it('fails the login without sending it when the username function has no name to give', async () => {
    const noName = new Error('pbx.user: uses {ext}, but this seat has 2 extensions');
    const { client, states } = tracked(server, {
      username: () => {
        throw noName;
      },
    });
    await expect(client.start()).rejects.toBe(noName);
    expect(client.state).toBe('auth-failed');
    expect(states.at(-1)?.error).toBe(noName);
    const empty = tracked(server, { username: () => '' }).client;
    await expect(empty.start()).rejects.toBeInstanceOf(AmiConfigError);
    await sleep(300);
    expect(server.allActions().filter((action) => action.name === 'Login')).toEqual([]);
    expect(server.connections).toHaveLength(2);
  });

  it('keeps retrying while the PBX is unreachable and stops when closed', async () => {
    const port = await unusedPort();
    const { client, states } = makeClient(server, { port });
    const started = client.start();
    await waitUntil(() => states.filter((s) => s.to === 'reconnecting').length >= 3, 'retries');
    const retries = states.filter((s) => s.to === 'reconnecting');
    expect(retries[0]?.error?.name).toBe('AmiConnectError');
    for (const r of retries) expect(r.delayMs).toBeLessThanOrEqual(200);
    await client.close();
    await expect(started).rejects.toBeInstanceOf(AmiClosedError);
    const count = states.length;
    await sleep(400);
    expect(states.length).toBe(count);
    expect(client.state).toBe('closed');
  });

  it('reports a TCP service that never greets as not AMI, and keeps retrying', async () => {
    server.silent = true;
    const { client, states } = tracked(server, { actionTimeoutMs: 200 });
    void client.start().catch(() => undefined);
    await waitUntil(() => states.some((s) => s.to === 'reconnecting'), 'first retry');
    const retry = states.find((s) => s.to === 'reconnecting');
    expect(retry?.from).toBe('authenticating');
    expect(retry?.error).toBeInstanceOf(AmiProtocolError);
    expect(retry?.error?.message).toContain('pbx.port');
  });

  it('can be closed from its own ready listener without leaving timers behind', async () => {
    const { client, states } = tracked(server, { keepaliveIntervalMs: 30 });
    client.on('ready', () => void client.close());
    await client.start();
    await waitUntil(() => client.state === 'closed', 'closed');
    await sleep(200);
    expect(server.allActions().map((a) => a.name)).toEqual(['Login', 'Logoff']);
    expect(server.connections).toHaveLength(1);
    expect(states.at(-1)?.to).toBe('closed');
  });
});
