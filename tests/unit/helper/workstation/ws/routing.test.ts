import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NotAllowedError } from '../../../../../helper/workstation/ws/api-error';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../../../../shared/protocol';
import { SAMPLE_CALL } from '../../../../support/helper/workstation/ws/fake-helper-api';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';
import { CLIENT_INFO } from '../../../../support/helper/workstation/ws/ws-test-client';

let fixture: ServerFixture;

afterEach(async () => {
  await fixture.dispose();
});

describe('requests after hello', () => {
  it('routes every request type to the api and answers it', async () => {
    fixture = await startFixture();
    const client = await fixture.pairedClient();

    client.send({ type: 'ping', t: 123 });
    expect(await client.next('pong')).toEqual({ type: 'pong', t: 123 });

    client.send({ type: 'dial', id: 'd1', number: '8 (916) 123-45-67', source: 'link' });
    expect((await client.next('dial.progress')).stage).toBe('accepted');
    expect((await client.next('dial.progress')).stage).toBe('ringing-you');
    expect(await client.next('dial.result')).toEqual({
      type: 'dial.result',
      id: 'd1',
      ok: true,
      outcome: 'connected',
    });

    client.send({ type: 'journal.query', id: 'j1', limit: 50, missedOnly: true });
    expect(await client.next('journal.page')).toEqual({
      type: 'journal.page',
      id: 'j1',
      entries: [SAMPLE_CALL],
      hasMore: true,
    });

    fixture.api.foundCalls = [SAMPLE_CALL];
    client.send({ type: 'calls.query', id: 'q1', callIds: [SAMPLE_CALL.callId, 'unknown'] });
    expect(await client.next('calls.found')).toEqual({
      type: 'calls.found',
      id: 'q1',
      calls: [SAMPLE_CALL],
    });

    client.send({ type: 'missed.ack', id: 'm1', callIds: ['a', 'b'] });
    expect(await client.next('ack')).toEqual({ type: 'ack', id: 'm1' });

    const transfer = {
      type: 'call.transfer',
      id: 't1',
      callId: SAMPLE_CALL.callId,
      extension: '101',
      to: '205',
      target: 'number',
      mode: 'attended',
    } as const;
    client.send(transfer);
    expect(await client.next('call.control.result')).toEqual({
      type: 'call.control.result',
      id: 't1',
      ok: true,
      to: '205',
    });

    client.send({ type: 'call.hangup', id: 'h1', callId: SAMPLE_CALL.callId, extension: '101' });
    expect(await client.next('call.control.result')).toMatchObject({ id: 'h1', ok: true });

    client.send({ type: 'queue.pause', id: 'q1', paused: true, reason: 'Обед' });
    expect(await client.next('ack')).toEqual({ type: 'ack', id: 'q1' });
    client.send({
      type: 'call.outcome',
      id: 'o1',
      callId: SAMPLE_CALL.callId,
      extension: '101',
      outcome: 'rescheduled',
      note: 'В субботу',
    });
    expect(await client.next('ack')).toEqual({ type: 'ack', id: 'o1' });

    client.send({ type: 'demo.simulate', id: 's1', number: '+79161234567', scenario: 'answer' });
    expect(await client.next('ack')).toEqual({ type: 'ack', id: 's1' });

    expect(fixture.api.calls).toEqual([
      { method: 'dial', args: { id: 'd1', number: '8 (916) 123-45-67', source: 'link' } },
      { method: 'journal', args: { id: 'j1', limit: 50, missedOnly: true } },
      { method: 'findCalls', args: [SAMPLE_CALL.callId, 'unknown'] },
      { method: 'ackMissed', args: ['a', 'b'] },
      { method: 'control', args: transfer },
      {
        method: 'control',
        args: { type: 'call.hangup', id: 'h1', callId: SAMPLE_CALL.callId, extension: '101' },
      },
      { method: 'pauseQueues', args: { paused: true, reason: 'Обед' } },
      {
        method: 'noteOutcome',
        args: {
          id: 'o1',
          callId: SAMPLE_CALL.callId,
          extension: '101',
          outcome: 'rescheduled',
          note: 'В субботу',
        },
      },
      { method: 'simulate', args: { id: 's1', number: '+79161234567', scenario: 'answer' } },
    ]);
  });

  it('maps a NotAllowedError from demo.simulate to not-allowed', async () => {
    fixture = await startFixture();
    fixture.api.failWith.simulate = new NotAllowedError(
      'Simulated calls need demo mode; this helper is connected to a real PBX.',
    );
    const client = await fixture.pairedClient();
    client.send({ type: 'demo.simulate', id: 's1', number: '+79161234567', scenario: 'no-answer' });
    const error = await client.next('error');
    expect(error).toEqual({
      type: 'error',
      id: 's1',
      code: 'not-allowed',
      message: 'Simulated calls need demo mode; this helper is connected to a real PBX.',
    });
  });

  it('passes ApiError codes through and hides other errors behind internal', async () => {
    fixture = await startFixture();
    fixture.api.failWith.journal = new ApiError(
      'db-unavailable',
      'The call journal database is not reachable.',
    );
    fixture.api.failWith.control = new Error('connect ECONNREFUSED; secret=amisecret123');
    const client = await fixture.pairedClient();

    client.send({ type: 'journal.query', id: 'j1' });
    expect(await client.next('error')).toMatchObject({ id: 'j1', code: 'db-unavailable' });

    client.send({ type: 'call.hangup', id: 't1', callId: 'c1', extension: '101' });
    const hidden = await client.next('error');
    expect(hidden).toMatchObject({ id: 't1', code: 'internal' });
    expect(client.raw.join('\n')).not.toContain('amisecret123');
    expect(client.raw.join('\n')).not.toContain('ECONNREFUSED');
    expect(fixture.logger.has('request failed')).toBe(true);
  });

  it('answers a dial that fails with an error carrying its id', async () => {
    fixture = await startFixture();
    fixture.api.failWith.dial = new ApiError('pbx-unavailable', 'The PBX is not connected.');
    const client = await fixture.pairedClient();
    client.send({ type: 'dial', id: 'd9', number: '101', source: 'popup' });
    expect(await client.next('error')).toMatchObject({ id: 'd9', code: 'pbx-unavailable' });
  });
});

describe('malformed frames', () => {
  it('answers bad-message with the protocol error and never calls the api', async () => {
    fixture = await startFixture();
    const client = await fixture.pairedClient();

    client.send('{not json');
    expect(await client.next('error')).toMatchObject({
      code: 'bad-message',
      message: 'Message is not valid JSON.',
    });

    client.send({ type: 'hangup', id: 'h1' });
    expect((await client.next('error')).message).toContain('Unknown message type');

    client.send({ type: 'dial', id: 'd1', number: '101', source: 'popup', channel: 'SIP/evil' });
    const extra = await client.next('error');
    expect(extra).toMatchObject({ code: 'bad-message', id: 'd1' });
    expect(extra.message).toContain('Invalid "dial" message');

    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await client.next('error')).message).toContain('Binary frames');

    client.send({ type: 'hello', v: PROTOCOL_VERSION, token: 'x'.repeat(43), client: CLIENT_INFO });
    expect((await client.next('error')).message).toContain('only valid as the first message');

    client.send({ type: 'ping', t: 1 });
    await client.next('pong');
    expect(fixture.api.calls).toEqual([]);
  });

  it('closes the connection after too many malformed frames in a row', async () => {
    fixture = await startFixture({ maxBadFrames: 3 });
    const client = await fixture.pairedClient();
    client.send('x');
    client.send('y');
    client.send({ type: 'ping', t: 1 });
    client.send('z');
    await client.next('pong');
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    client.send('again');
    client.send('and again');
    expect((await client.closed).code).toBe(4400);
  });

  it('closes the connection on a frame larger than the protocol allows', async () => {
    fixture = await startFixture();
    const client = await fixture.pairedClient();
    client.send(JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(MAX_MESSAGE_BYTES) }));
    expect((await client.closed).code).toBe(1009);
  });
});

describe('dial limits', () => {
  it('rate-limits dials per connection', async () => {
    fixture = await startFixture({ dialRate: { burst: 3, perMinute: 1 } });
    const client = await fixture.pairedClient();
    for (const id of ['d1', 'd2', 'd3']) {
      client.send({ type: 'dial', id, number: '+79161234567', source: 'link' });
      expect((await client.next('dial.result')).id).toBe(id);
    }
    client.send({ type: 'dial', id: 'd4', number: '+79161234567', source: 'link' });
    const error = await client.next('error');
    expect(error).toMatchObject({ id: 'd4', code: 'rate-limited' });
    expect(fixture.api.calls).toHaveLength(3);

    const other = await fixture.pairedClient();
    other.send({ type: 'dial', id: 'o1', number: '+79161234567', source: 'link' });
    expect((await other.next('dial.result')).id).toBe('o1');
  });

  it('allows one dial in progress per connection and cancels it when the socket closes', async () => {
    fixture = await startFixture();
    let finish: (() => void) | undefined;
    fixture.api.dialBehaviour = (request, onUpdate, signal) =>
      new Promise<void>((resolve) => {
        onUpdate({
          type: 'dial.progress',
          id: request.id,
          stage: 'accepted',
          extension: '101',
          remote: { raw: request.number },
        });
        finish = () => {
          onUpdate({
            type: 'dial.result',
            id: request.id,
            ok: false,
            outcome: 'busy',
            leg: 'remote',
          });
          resolve();
        };
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    const client = await fixture.pairedClient();
    client.send({ type: 'dial', id: 'd1', number: '+79161234567', source: 'card' });
    await client.next('dial.progress');
    client.send({ type: 'dial', id: 'd2', number: '+79161234567', source: 'card' });
    expect(await client.next('error')).toMatchObject({ id: 'd2', code: 'dial-in-progress' });

    finish?.();
    expect(await client.next('dial.result')).toMatchObject({ id: 'd1', outcome: 'busy' });
    client.send({ type: 'dial', id: 'd3', number: '+79161234567', source: 'card' });
    await client.next('dial.progress');
    expect(fixture.api.dialSignals[1]?.aborted).toBe(false);
    await client.close();
    await expect.poll(() => fixture.api.dialSignals[1]?.aborted).toBe(true);
  });
});
