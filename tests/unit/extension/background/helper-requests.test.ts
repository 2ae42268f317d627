import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callFinder,
  CALLS_QUERY_TIMEOUT_MS,
  helperRequests,
  JOURNAL_PAGE_SIZE,
} from '../../../../extension/background/helper-requests';
import type { HelperPort } from '../../../../extension/background/helper-port';
import { setLanguage } from '../../../../extension/lib/i18n/core';
import '../../../../extension/lib/i18n/shell-strings';
import {
  HelperConnectionLostError,
  HelperNotConnectedError,
  HelperRequestError,
  HelperTimeoutError,
  PairingFailedError,
} from '../../../../extension/lib/helper-client/errors';
import { call, status, TOKEN } from '../../../support/extension/samples';

function helper(overrides: Partial<Pick<HelperPort, 'request' | 'pair'>> = {}) {
  return {
    request: vi.fn(async () => ({ type: 'ack', id: 'r1' })) as unknown as HelperPort['request'],
    pair: vi.fn(async () => ({ token: TOKEN, status: status() })),
    ...overrides,
  };
}

describe('helper-backed requests', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  it('asks for one page of the journal', async () => {
    const request = vi.fn(async () => ({
      type: 'journal.page',
      id: 'r1',
      entries: [call()],
      hasMore: true,
    }));
    const requests = helperRequests(helper({ request: request as never }), async () => {});
    expect(await requests.journal({ missedOnly: true })).toEqual({
      ok: true,
      entries: [call()],
      hasMore: true,
    });
    expect(request).toHaveBeenCalledWith({
      type: 'journal.query',
      limit: JOURNAL_PAGE_SIZE,
      missedOnly: true,
    });
  });

  it("saves the card's outcome and tells why it was not saved", async () => {
    const note = { callId: 'c1', extension: '101', outcome: 'rescheduled' };
    const request = vi.fn(async () => ({ type: 'ack', id: 'r1' }));
    expect(
      await helperRequests(helper({ request: request as never }), async () => {}).noteOutcome(note),
    ).toEqual({ ok: true });
    expect(request).toHaveBeenCalledWith({ type: 'call.outcome', ...note });
    const failing = (error: Error) =>
      helperRequests(
        helper({ request: vi.fn(() => Promise.reject(error)) as never }),
        async () => {},
      ).noteOutcome(note);
    expect(
      await failing(new HelperRequestError('expired', 'The time to note this call has passed.')),
    ).toEqual({ ok: false, reason: 'too-late', message: 'The time to note this call has passed.' });
    expect(await failing(new HelperRequestError('not-found', 'gone'))).toMatchObject({
      reason: 'not-found',
    });
    expect(await failing(new HelperNotConnectedError())).toMatchObject({
      ok: false,
      reason: 'not-connected',
    });
  });

  it('stores the token once pairing succeeds, with spaces taken out of the code', async () => {
    const port = helper();
    const store = vi.fn(async () => {});
    expect(await helperRequests(port, store).pair(' 123 456 ')).toEqual({ ok: true });
    expect(port.pair).toHaveBeenCalledWith('123456');
    expect(store).toHaveBeenCalledWith(TOKEN);
  });

  it.each([
    [
      new PairingFailedError('The code expired.', 'refused', 'pairing-failed'),
      'Код не подошёл или устарел.',
    ],
    [new PairingFailedError('x', 'refused', 'rate-limited'), 'Слишком много попыток.'],
    [new PairingFailedError('x', 'unreachable'), 'Помощник не отвечает'],
  ])('explains a failed pairing in the operator’s language', async (error, expected) => {
    const store = vi.fn(async () => {});
    const reply = await helperRequests(
      helper({ pair: vi.fn(async () => Promise.reject(error)) }),
      store,
    ).pair('123456');
    expect(reply).toEqual({ ok: false, message: expect.stringContaining(expected) });
    expect(store).not.toHaveBeenCalled();
  });

  it("keeps the helper's own words for its refusals and names the extension's failures", async () => {
    const refuse = helper({
      request: vi.fn(async () =>
        Promise.reject(new HelperRequestError('not-allowed', 'Demo mode is off.')),
      ) as never,
    });
    expect(await helperRequests(refuse, async () => {}).simulate('+79161234567', 'answer')).toEqual(
      {
        ok: false,
        message: 'Demo mode is off.',
      },
    );
    const away = helper({
      request: vi.fn(async () => Promise.reject(new HelperNotConnectedError())) as never,
    });
    expect(await helperRequests(away, async () => {}).ackMissed(['a'])).toEqual({
      ok: false,
      message: 'Помощник не подключён.',
    });
    const slow = helper({
      request: vi.fn(async () =>
        Promise.reject(new HelperTimeoutError('call.hangup', 15000)),
      ) as never,
    });
    expect(
      await helperRequests(slow, async () => {}).callControl({
        kind: 'call-control',
        action: 'hangup',
        callId: 'c',
        extension: '101',
      }),
    ).toEqual({
      ok: false,
      message: 'Помощник не ответил вовремя. Попробуйте ещё раз.',
    });
  });

  it.each([
    ['hangup', { type: 'call.hangup' }],
    ['complete', { type: 'call.transfer.complete' }],
    ['cancel', { type: 'call.transfer.cancel' }],
  ] as const)('sends the card\u2019s %s as its protocol message', async (action, message) => {
    const request = vi.fn(async () => ({ type: 'call.control.result', id: 'r1', ok: true }));
    const reply = await helperRequests(
      helper({ request: request as never }),
      async () => {},
    ).callControl({ kind: 'call-control', action, callId: 'c', extension: '101' });
    expect(reply).toEqual({ ok: true });
    expect(request).toHaveBeenCalledWith({ ...message, callId: 'c', extension: '101' });
  });

  it('sends a transfer and passes the reason of its failure on', async () => {
    const request = vi.fn(async () => ({
      type: 'call.control.result',
      id: 'r1',
      ok: false,
      to: '103',
      reason: 'target-busy',
      message: '103 was busy.',
    }));
    const reply = await helperRequests(
      helper({ request: request as never }),
      async () => {},
    ).callControl({
      kind: 'call-control',
      action: 'transfer',
      callId: 'c',
      extension: '101',
      to: '103',
      target: 'manager',
      mode: 'attended',
    });
    expect(reply).toEqual({
      ok: false,
      to: '103',
      reason: 'target-busy',
      message: '103 was busy.',
    });
    expect(request).toHaveBeenCalledWith({
      type: 'call.transfer',
      callId: 'c',
      extension: '101',
      to: '103',
      target: 'manager',
      mode: 'attended',
    });
  });

  it('pauses with a reason and resumes without one', async () => {
    const request = vi.fn(async () => ({ type: 'ack', id: 'r1' }));
    const requests = helperRequests(helper({ request: request as never }), async () => {});
    expect(await requests.pauseQueues(true, 'Обед')).toEqual({ ok: true });
    expect(await requests.pauseQueues(false, '')).toEqual({ ok: true });
    expect(request.mock.calls).toEqual([
      [{ type: 'queue.pause', paused: true, reason: 'Обед' }],
      [{ type: 'queue.pause', paused: false }],
    ]);
  });
});

describe('callFinder', () => {
  it('asks calls.query and answers the views the helper found', async () => {
    const found = call({ callId: 'c1', state: 'ended', missed: true });
    const request = vi.fn(async () => ({ type: 'calls.found', id: 'r1', calls: [found] }));
    expect(await callFinder(helper({ request: request as never }))(['c1', 'c2'])).toEqual([found]);
    expect(request).toHaveBeenCalledWith(
      { type: 'calls.query', callIds: ['c1', 'c2'] },
      CALLS_QUERY_TIMEOUT_MS,
    );
  });

  it('answers null without a connection, so the cards wait for the next one', async () => {
    for (const error of [new HelperNotConnectedError(), new HelperConnectionLostError()]) {
      const request = vi.fn(async () => Promise.reject(error));
      expect(await callFinder(helper({ request: request as never }))(['c1'])).toBeNull();
    }
  });

  it('finds nothing when the helper refuses the request or never answers it (an older helper)', async () => {
    for (const error of [
      new HelperRequestError('bad-message', 'Unknown message type "calls.query".'),
      new HelperTimeoutError('calls.query', CALLS_QUERY_TIMEOUT_MS),
    ]) {
      const request = vi.fn(async () => Promise.reject(error));
      expect(await callFinder(helper({ request: request as never }))(['c1'])).toEqual([]);
    }
  });
});
