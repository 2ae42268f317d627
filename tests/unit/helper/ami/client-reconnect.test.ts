import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeAmiServer } from '../../../support/fake-ami-server';
import {
  makeClient,
  SECRET,
  sleep,
  USERNAME,
  waitForState,
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

function tracked(overrides: Parameters<typeof makeClient>[1] = {}) {
  const made = makeClient(server, overrides);
  cleanups.push(() => made.client.close());
  return made;
}

describe('AmiClient reconnect', () => {
  it('reconnects after a drop within the backoff bounds and reports ready { reconnected: true }', async () => {
    const { client, states, readies } = tracked({
      reconnect: { initialDelayMs: 50, maxDelayMs: 400, jitter: 'full' },
      random: () => 0.5,
    });
    await client.start();
    server.dropAll();
    await waitUntil(() => readies.length === 2, 'second ready');
    expect(readies).toEqual([false, true]);
    expect(server.connections).toHaveLength(2);
    const retry = states.find((s) => s.to === 'reconnecting');
    expect(retry?.from).toBe('ready');
    expect(retry?.attempt).toBe(1);
    expect(retry?.delayMs).toBe(25);
    expect(states.map((s) => s.to)).toEqual([
      'connecting',
      'authenticating',
      'ready',
      'reconnecting',
      'connecting',
      'authenticating',
      'ready',
    ]);
  });

  it('backs off with growing, capped delays while the PBX stays away, then recovers', async () => {
    const { client, states } = tracked({
      reconnect: { initialDelayMs: 10, maxDelayMs: 80, jitter: 'none' },
    });
    await client.start();
    server.onAction = (action, c) => {
      if (action.name !== 'Login') return false;
      c.drop();
      return true;
    };
    server.dropAll();
    await waitUntil(() => states.filter((s) => s.to === 'reconnecting').length >= 6, 'retries');
    server.onAction = undefined;
    await waitForState(client, 'ready');
    const delays = states.filter((s) => s.to === 'reconnecting').map((s) => s.delayMs);
    expect(delays.slice(0, 5)).toEqual([10, 20, 40, 80, 80]);
    for (const d of delays) expect(d).toBeLessThanOrEqual(80);
  });

  it('resyncs after reconnecting: a call that started during the outage is listed', async () => {
    const { client } = tracked();
    const snapshots: string[][] = [];
    client.on('ready', ({ reconnected }) => {
      if (!reconnected) return;
      void client.coreShowChannels().then((list) => snapshots.push(list.map((s) => s.channel)));
    });
    await client.start();
    server.onAction = (action, c) => {
      if (action.name !== 'CoreShowChannels') return false;
      const id = action.actionId ?? '';
      c.respond(action, 'Success', { EventList: 'start', Message: 'Channels will follow' });
      c.sendFrame({
        Event: 'CoreShowChannel',
        ActionID: id,
        Channel: 'PJSIP/trunk-00000031',
        ChannelState: '6',
        ChannelStateDesc: 'Up',
        CallerIDNum: '79161234567',
        Uniqueid: '1718012399.61',
        Linkedid: '1718012399.61',
        Duration: '00:00:41',
      });
      c.sendFrame({
        Event: 'CoreShowChannelsComplete',
        ActionID: id,
        EventList: 'Complete',
        ListItems: '1',
      });
      return true;
    };
    server.dropAll();
    await waitUntil(() => snapshots.length === 1, 'resync list');
    expect(snapshots[0]).toEqual(['PJSIP/trunk-00000031']);
  });

  it('logs off on close() and never reconnects afterwards', async () => {
    const { client, states } = tracked();
    await client.start();
    await client.close();
    expect(client.state).toBe('closed');
    expect(server.allActions().map((a) => a.name)).toContain('Logoff');
    await sleep(400);
    expect(server.connections).toHaveLength(1);
    expect(states.at(-1)?.to).toBe('closed');
    await expect(client.start()).rejects.toThrow(/closed/);
  });

  it('stops reconnecting when its signal aborts, even mid-backoff', async () => {
    const controller = new AbortController();
    const { client } = tracked({
      signal: controller.signal,
      reconnect: { initialDelayMs: 100, maxDelayMs: 200, jitter: 'none' },
    });
    await client.start();
    server.dropAll();
    await waitForState(client, 'reconnecting');
    controller.abort();
    await waitForState(client, 'closed');
    await sleep(400);
    expect(server.connections).toHaveLength(1);
  });
});

describe('AmiClient keepalive', () => {
  it('keeps a healthy connection with periodic Pings', async () => {
    const { client } = tracked({ keepaliveIntervalMs: 30, keepaliveTimeoutMs: 1_000 });
    await client.start();
    await server.waitForAction('Ping', { after: 3 });
    expect(client.state).toBe('ready');
    expect(server.connections).toHaveLength(1);
  });

  it('treats a silent server as half-open: destroys the socket and reconnects', async () => {
    const { client, states, readies, logs } = tracked({
      keepaliveIntervalMs: 30,
      keepaliveTimeoutMs: 150,
      actionTimeoutMs: 300,
    });
    await client.start();
    server.silent = true;
    await waitUntil(() => states.some((s) => s.to === 'reconnecting'), 'half-open detection');
    const lost = states.find((s) => s.to === 'reconnecting');
    expect(lost?.from).toBe('ready');
    expect(lost?.error?.message).toContain('Ping');
    expect(logs.join('\n')).toContain('half-open');
    server.silent = false;
    await waitUntil(() => readies.length === 2, 'ready after reconnect');
    expect(readies).toEqual([false, true]);
    await waitUntil(() => server.connections[0]?.closed === true, 'old socket closed');
  });
});
