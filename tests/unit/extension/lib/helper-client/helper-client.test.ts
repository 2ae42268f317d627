import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HelperClient } from '../../../../../extension/lib/helper-client/helper-client';
import {
  HelperConnectionLostError,
  HelperNotConnectedError,
  HelperRequestError,
  HelperTimeoutError,
  PairingFailedError,
} from '../../../../../extension/lib/helper-client/errors';
import type { ConnectionState } from '../../../../../extension/lib/runtime-messages';
import {
  fakeSocketFactory,
  type FakeWebSocket,
} from '../../../../support/extension/lib/helper-client/fake-websocket';
import { call, status, TOKEN, welcome } from '../../../../support/extension/samples';
import { PROTOCOL_VERSION } from '../../../../../shared/protocol';

const ENDPOINT = { host: '127.0.0.1', port: 47800 };

function setup(options: { random?: () => number } = {}) {
  const factory = fakeSocketFactory();
  const log = vi.fn<(message: string) => void>();
  let next = 0;
  const client = new HelperClient({
    createSocket: factory.create,
    client: { name: 'Courier Telephony', version: '0.1.0', browser: 'chrome' },
    random: options.random ?? (() => 1),
    newId: () => `r${++next}`,
    log,
  });
  const states: ConnectionState[] = [];
  const pushes: unknown[] = [];
  const scope = new AbortController();
  client.onConnection((state) => states.push(state), scope.signal);
  client.onPush((push) => pushes.push(push), scope.signal);
  const socket = (index = -1): FakeWebSocket => {
    const found = factory.sockets.at(index);
    if (!found) throw new Error(`no socket at ${index}`);
    return found;
  };
  const connect = (token: string | null = TOKEN) => {
    client.configure({ endpoint: ENDPOINT, token });
    socket().serverOpen();
    socket().serverSend(welcome());
  };
  return { client, factory, socket, states, pushes, log, connect, scope };
}

describe('HelperClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('greets with the token in the first frame, never in the URL', () => {
    const { client, socket, states } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    expect(socket().url).toBe('ws://127.0.0.1:47800/');
    expect(client.connection).toEqual({ state: 'connecting' });
    socket().serverOpen();
    expect(socket().sent[0]).toEqual({
      type: 'hello',
      v: PROTOCOL_VERSION,
      token: TOKEN,
      client: { name: 'Courier Telephony', version: '0.1.0', browser: 'chrome' },
    });
    socket().serverSend(welcome({ missedCount: 2 }, [call()]));
    expect(client.connection).toEqual({ state: 'connected', status: status({ missedCount: 2 }) });
    expect(states.at(-1)?.state).toBe('connected');
  });

  it('hands calls in progress at connect time to push listeners', () => {
    const { client, socket, pushes } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    socket().serverOpen();
    socket().serverSend(welcome({}, [call({ callId: 'a' }), call({ callId: 'b' })]));
    expect(pushes).toEqual([
      { type: 'call', call: call({ callId: 'a' }) },
      { type: 'call', call: call({ callId: 'b' }) },
    ]);
  });

  it('reports the helper down and retries within a second, then backs off to a 10 s cap', () => {
    const { client, factory, socket, states } = setup({ random: () => 1 });
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const count = factory.sockets.length;
      socket().serverClose(1006);
      let waited = 0;
      while (factory.sockets.length === count) {
        vi.advanceTimersByTime(100);
        waited += 100;
        if (waited > 60_000) throw new Error('no reconnect');
      }
      waits.push(waited);
    }
    expect(states.at(-1)).toEqual({ state: 'helper-down' });
    expect(waits[0]).toBeLessThan(1000);
    expect(waits).toEqual([800, 1600, 3200, 6400, 10_000, 10_000, 10_000]);
  });

  it('jitters each wait within the upper half of its step', () => {
    const { client, factory, socket } = setup({ random: () => 0 });
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    socket().serverClose(1006);
    vi.advanceTimersByTime(399);
    expect(factory.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(factory.sockets).toHaveLength(2);
  });

  it('resets the backoff after a successful connection', () => {
    const { client, factory, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    socket().serverClose(1006);
    vi.advanceTimersByTime(800);
    socket().serverClose(1006);
    vi.advanceTimersByTime(1600);
    socket().serverOpen();
    socket().serverSend(welcome());
    socket().serverClose(1001, 'The helper is shutting down.');
    expect(client.connection).toEqual({
      state: 'helper-down',
      reason: 'The helper is shutting down.',
    });
    const count = factory.sockets.length;
    vi.advanceTimersByTime(800);
    expect(factory.sockets).toHaveLength(count + 1);
  });

  it('retries at once when the settings change, whatever the backoff', () => {
    const { client, factory, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    for (let i = 0; i < 5; i += 1) {
      socket().serverClose(1006);
      vi.advanceTimersByTime(10_000);
    }
    socket().serverClose(1006);
    const count = factory.sockets.length;
    client.configure({ endpoint: { host: '127.0.0.1', port: 47801 }, token: TOKEN });
    expect(factory.sockets).toHaveLength(count + 1);
    expect(socket().url).toBe('ws://127.0.0.1:47801/');
  });

  it('does not reconnect when the same settings are applied again', () => {
    const { client, factory, connect } = setup();
    connect();
    client.configure({ endpoint: { ...ENDPOINT }, token: TOKEN });
    expect(factory.sockets).toHaveLength(1);
    expect(client.connection.state).toBe('connected');
  });

  it('pings every 20 s while connected and stays connected while the helper answers', () => {
    const { client, socket, connect } = setup();
    connect();
    vi.advanceTimersByTime(20_000);
    expect(socket().lastSent()).toMatchObject({ type: 'ping' });
    socket().serverSend({ type: 'pong', t: 1 });
    vi.advanceTimersByTime(20_000);
    expect(socket().sent.filter((frame) => frame.type === 'ping')).toHaveLength(2);
    socket().serverSend({ type: 'pong', t: 2 });
    vi.advanceTimersByTime(20_000);
    expect(client.connection.state).toBe('connected');
  });

  it('drops a connection whose helper stops answering pings and reconnects', () => {
    const { client, factory, socket, connect } = setup();
    connect();
    vi.advanceTimersByTime(40_000);
    expect(socket().closedByClient).toBe(1000);
    expect(client.connection).toEqual({
      state: 'helper-down',
      reason: 'The helper stopped answering.',
    });
    vi.advanceTimersByTime(800);
    expect(factory.sockets).toHaveLength(2);
  });

  it('stops retrying when the helper does not know the token, until a new token arrives', () => {
    const { client, factory, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    socket().serverOpen();
    socket().serverSend({ type: 'error', code: 'not-paired', message: 'Pair the extension.' });
    socket().serverClose(4401);
    expect(client.connection).toEqual({ state: 'not-paired' });
    vi.advanceTimersByTime(120_000);
    expect(factory.sockets).toHaveLength(1);
    client.retryNow();
    expect(factory.sockets).toHaveLength(1);
    client.configure({ endpoint: ENDPOINT, token: `${TOKEN}-new` });
    expect(factory.sockets).toHaveLength(2);
    expect((socket().serverOpen(), socket().sent[0])).toMatchObject({ token: `${TOKEN}-new` });
  });

  it('treats close code 4401 alone as not paired', () => {
    const { client, factory, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    socket().serverOpen();
    socket().serverClose(4401, 'unknown token');
    vi.advanceTimersByTime(60_000);
    expect(client.connection).toEqual({ state: 'not-paired' });
    expect(factory.sockets).toHaveLength(1);
  });

  it('opens no connection before the extension is paired', () => {
    const { client, factory } = setup();
    client.configure({ endpoint: ENDPOINT, token: null });
    expect(factory.sockets).toHaveLength(0);
    expect(client.connection).toEqual({ state: 'not-paired' });
  });

  it('halts as incompatible on another protocol version, from a frame or a close code', () => {
    const first = setup();
    first.client.configure({ endpoint: ENDPOINT, token: TOKEN });
    first.socket().serverOpen();
    first.socket().serverSend({ ...welcome(), v: PROTOCOL_VERSION + 1 });
    expect(first.client.connection.state).toBe('incompatible');
    vi.advanceTimersByTime(60_000);
    expect(first.factory.sockets).toHaveLength(1);

    const second = setup();
    second.client.configure({ endpoint: ENDPOINT, token: TOKEN });
    second.socket().serverOpen();
    second.socket().serverClose(4426, 'Update the extension.');
    expect(second.client.connection).toEqual({
      state: 'incompatible',
      reason: 'Update the extension.',
    });
  });

  it('ignores and logs invalid frames without dropping the connection', () => {
    const { client, socket, connect, log, pushes } = setup();
    connect();
    socket().serverSend('{not json');
    socket().serverSend({ type: 'surprise' });
    socket().serverSend({ type: 'missed', count: -1 });
    socket().serverSend({ type: 'call', call: { callId: 'x' } });
    expect(log).toHaveBeenCalledTimes(4);
    expect(client.connection.state).toBe('connected');
    expect(pushes).toEqual([]);
    socket().serverSend({ type: 'missed', count: 3 });
    expect(pushes).toEqual([{ type: 'missed', count: 3 }]);
  });

  it('updates the status from status frames', () => {
    const { client, socket, connect, states } = setup();
    connect();
    const down = status({ pbx: { state: 'down', reason: 'AMI connection refused' } });
    socket().serverSend({ type: 'status', status: down });
    expect(client.connection).toEqual({ state: 'connected', status: down });
    expect(states.at(-1)).toEqual({ state: 'connected', status: down });
  });

  it('matches replies to requests by id', async () => {
    const { client, socket, connect } = setup();
    connect();
    const first = client.request({ type: 'journal.query', limit: 5 });
    const second = client.request({ type: 'missed.ack', callIds: ['a'] });
    expect(socket().sent.slice(1)).toEqual([
      { type: 'journal.query', id: 'r1', limit: 5 },
      { type: 'missed.ack', id: 'r2', callIds: ['a'] },
    ]);
    socket().serverSend({ type: 'ack', id: 'r2' });
    socket().serverSend({ type: 'journal.page', id: 'r1', entries: [call()], hasMore: false });
    await expect(second).resolves.toEqual({ type: 'ack', id: 'r2' });
    await expect(first).resolves.toMatchObject({ type: 'journal.page', hasMore: false });
  });

  it("rejects a request with the helper's error", async () => {
    const { client, socket, connect } = setup();
    connect();
    const reply = client.request({
      type: 'demo.simulate',
      number: '+79161234567',
      scenario: 'answer',
    });
    socket().serverSend({
      type: 'error',
      id: 'r1',
      code: 'not-allowed',
      message: 'Demo mode is off.',
    });
    await expect(reply).rejects.toEqual(new HelperRequestError('not-allowed', 'Demo mode is off.'));
  });

  it('times a request out when the helper stays silent', async () => {
    const { client, connect } = setup();
    connect();
    const reply = client.request({ type: 'journal.query' });
    const outcome = expect(reply).rejects.toBeInstanceOf(HelperTimeoutError);
    vi.advanceTimersByTime(15_000);
    await outcome;
  });

  it('fails waiting requests when the connection drops, and refuses new ones', async () => {
    const { client, socket, connect } = setup();
    connect();
    const reply = client.request({ type: 'journal.query' });
    socket().serverClose(1006);
    await expect(reply).rejects.toBeInstanceOf(HelperConnectionLostError);
    await expect(client.request({ type: 'journal.query' })).rejects.toBeInstanceOf(
      HelperNotConnectedError,
    );
    expect(() => client.dial({ number: '+79161234567', source: 'popup' }, () => {})).toThrow(
      HelperNotConnectedError,
    );
  });

  it('streams dial progress and settles with the result', async () => {
    const { client, socket, connect } = setup();
    connect();
    const updates: string[] = [];
    const dial = client.dial({ number: '89161234567', source: 'link' }, (update) =>
      updates.push(update.type === 'dial.progress' ? update.stage : update.outcome),
    );
    expect(socket().lastSent()).toEqual({
      type: 'dial',
      id: dial.id,
      number: '89161234567',
      source: 'link',
    });
    const remote = { raw: '89161234567', e164: '+79161234567' };
    // 45 s between updates, 180 s in all: longer than one dial deadline.
    for (const stage of ['accepted', 'ringing-you', 'dialling', 'connected']) {
      for (let i = 0; i < 3; i += 1) {
        vi.advanceTimersByTime(15_000);
        socket().serverSend({ type: 'pong', t: 0 });
      }
      socket().serverSend({ type: 'dial.progress', id: dial.id, stage, extension: '101', remote });
    }
    socket().serverSend({ type: 'dial.result', id: dial.id, ok: true, outcome: 'connected' });
    await expect(dial.result).resolves.toMatchObject({ ok: true, outcome: 'connected' });
    expect(updates).toEqual(['accepted', 'ringing-you', 'dialling', 'connected', 'connected']);
  });

  it('pairs with a code, keeps the session and adopts the new token', async () => {
    const { client, factory, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: null });
    const paired = client.pair('123456');
    socket().serverOpen();
    expect(socket().sent[0]).toMatchObject({ type: 'pair', v: PROTOCOL_VERSION, code: '123456' });
    socket().serverSend({ type: 'paired', v: PROTOCOL_VERSION, token: TOKEN, status: status() });
    await expect(paired).resolves.toEqual({ token: TOKEN, status: status() });
    expect(client.connection.state).toBe('connected');
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    expect(factory.sockets).toHaveLength(1);
    socket().serverClose(1006);
    vi.advanceTimersByTime(800);
    socket().serverOpen();
    expect(socket().sent[0]).toMatchObject({ type: 'hello', token: TOKEN });
  });

  it('rejects a refused code and goes back to the previous token', async () => {
    const { client, factory, socket, connect } = setup();
    connect();
    const paired = client.pair('000000');
    expect(factory.sockets).toHaveLength(2);
    socket().serverOpen();
    socket().serverSend({ type: 'error', code: 'pairing-failed', message: 'Wrong code.' });
    await expect(paired).rejects.toEqual(
      new PairingFailedError('Wrong code.', 'refused', 'pairing-failed'),
    );
    expect(factory.sockets).toHaveLength(3);
    socket().serverOpen();
    expect(socket().sent[0]).toMatchObject({ type: 'hello', token: TOKEN });
  });

  it('rejects pairing when the helper is not running', async () => {
    const { client, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: null });
    const paired = client.pair('123456');
    socket().serverClose(1006);
    await expect(paired).rejects.toBeInstanceOf(PairingFailedError);
    vi.advanceTimersByTime(1000);
    expect(client.connection).toEqual({ state: 'not-paired' });
  });

  it('gives up on a greeting the helper never answers', () => {
    const { client, factory, socket } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN });
    socket().serverOpen();
    vi.advanceTimersByTime(10_000);
    expect(client.connection).toEqual({
      state: 'helper-down',
      reason: 'The helper did not answer the greeting.',
    });
    vi.advanceTimersByTime(800);
    expect(factory.sockets).toHaveLength(2);
  });

  it('closes for good and stops notifying', () => {
    const { client, factory, socket, connect, states } = setup();
    connect();
    const count = states.length;
    client.close();
    expect(socket().closedByClient).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(factory.sockets).toHaveLength(1);
    expect(states).toHaveLength(count);
  });
});
