import { describe, expect, it } from 'vitest';
import {
  CLIENT_MESSAGE_TYPES,
  encodeMessage,
  parseClientMessage,
  parseServerMessage,
  PROTOCOL_VERSION,
  ProtocolError,
  SERVER_MESSAGE_TYPES,
  MAX_MESSAGE_BYTES,
  CallControlFailure,
  NOTE_MAX_LENGTH,
  MAX_QUERIED_CALLS,
  type ServerMessage,
  type TransferState,
} from '../../../../shared/protocol';
import { call, clientSamples, serverSamples } from '../../../support/shared/protocol/samples';

describe('protocol round trip', () => {
  it('has a sample for every message type', () => {
    expect(Object.keys(clientSamples).sort()).toEqual([...CLIENT_MESSAGE_TYPES].sort());
    expect(Object.keys(serverSamples).sort()).toEqual([...SERVER_MESSAGE_TYPES].sort());
  });

  it.each(Object.values(clientSamples))('client message $type survives encode → parse', (msg) => {
    const parsed = parseClientMessage(encodeMessage(msg));
    expect(parsed).toEqual({ ok: true, message: msg });
  });

  it.each(Object.values(serverSamples))('server message $type survives encode → parse', (msg) => {
    const parsed = parseServerMessage(encodeMessage(msg));
    expect(parsed).toEqual({ ok: true, message: msg });
  });

  it('accepts already-decoded objects', () => {
    expect(parseClientMessage(clientSamples.ping).ok).toBe(true);
  });

  it('strips unknown keys from server messages so a newer helper stays readable', () => {
    const parsed = parseServerMessage({ ...serverSamples.missed, future: 1 });
    expect(parsed).toEqual({ ok: true, message: serverSamples.missed });
  });
});

function expectError(result: ReturnType<typeof parseClientMessage>, kind: ProtocolError['kind']) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toBeInstanceOf(ProtocolError);
  expect(result.error.kind).toBe(kind);
  expect(result.error.message.length).toBeGreaterThan(0);
}

const outcome = { type: 'call.outcome', id: 'a', callId: 'c', extension: '101' };

describe('malformed input becomes a typed error', () => {
  const cases: [string, unknown, ProtocolError['kind']][] = [
    ['not JSON', '{type:', 'invalid-json'],
    ['an array', '[1,2]', 'invalid-fields'],
    ['null', 'null', 'invalid-fields'],
    ['a number', 42, 'invalid-fields'],
    ['no type', { id: 'x' }, 'unknown-type'],
    ['a type from the other direction', { type: 'welcome' }, 'unknown-type'],
    ['an unknown type', { type: 'shell', cmd: 'reboot' }, 'unknown-type'],
    ['a non-string type', { type: 7 }, 'unknown-type'],
    ['a dial without number', { type: 'dial', id: 'a', source: 'link' }, 'invalid-fields'],
    [
      'a dial with an empty number',
      { type: 'dial', id: 'a', number: '', source: 'link' },
      'invalid-fields',
    ],
    [
      'a dial from an unknown source',
      { type: 'dial', id: 'a', number: '101', source: 'page' },
      'invalid-fields',
    ],
    [
      'a dial with an unexpected key',
      { type: 'dial', id: 'a', number: '101', source: 'link', channel: 'PJSIP/1' },
      'invalid-fields',
    ],
    [
      'a dial with an extension that is not digits',
      { type: 'dial', id: 'a', number: '101', source: 'link', extension: '101\r\nAction: Command' },
      'invalid-fields',
    ],
    [
      'a dial with an overlong number',
      { type: 'dial', id: 'a', number: '9'.repeat(65), source: 'link' },
      'invalid-fields',
    ],
    [
      'a hello with a short token',
      {
        type: 'hello',
        v: PROTOCOL_VERSION,
        token: 'x',
        client: { name: 'a', version: '1', browser: 'c' },
      },
      'invalid-fields',
    ],
    [
      'a hello of another version',
      {
        type: 'hello',
        v: 99,
        token: 'a'.repeat(20),
        client: { name: 'a', version: '1', browser: 'c' },
      },
      'unsupported-version',
    ],
    [
      'a pair code with spaces',
      {
        type: 'pair',
        v: PROTOCOL_VERSION,
        code: '12 34',
        client: { name: 'a', version: '1', browser: 'c' },
      },
      'invalid-fields',
    ],
    [
      'a journal limit above the cap',
      { type: 'journal.query', id: 'a', limit: 10_000 },
      'invalid-fields',
    ],
    [
      'a transfer to an unknown target',
      {
        type: 'call.transfer',
        id: 'a',
        callId: 'c',
        extension: '101',
        to: '103',
        target: 'boss',
        mode: 'blind',
      },
      'invalid-fields',
    ],
    [
      'a transfer without a mode',
      {
        type: 'call.transfer',
        id: 'a',
        callId: 'c',
        extension: '101',
        to: '103',
        target: 'number',
      },
      'invalid-fields',
    ],
    [
      'a hang-up naming no extension',
      { type: 'call.hangup', id: 'a', callId: 'c' },
      'invalid-fields',
    ],
    [
      'a pause reason longer than the PBX is sent',
      { type: 'queue.pause', id: 'a', paused: true, reason: 'x'.repeat(65) },
      'invalid-fields',
    ],
    ['a ping without time', { type: 'ping' }, 'invalid-fields'],
    [
      'a calls query asking of no call',
      { type: 'calls.query', id: 'a', callIds: [] },
      'invalid-fields',
    ],
    [
      'a calls query asking of more calls than any tab shows',
      {
        type: 'calls.query',
        id: 'a',
        callIds: Array.from({ length: MAX_QUERIED_CALLS + 1 }, (_, i) => `c${i}`),
      },
      'invalid-fields',
    ],
    [
      'a calls query with an empty call id',
      { type: 'calls.query', id: 'a', callIds: [''] },
      'invalid-fields',
    ],
    [
      'a journal cursor with an unexpected key',
      {
        type: 'journal.query',
        id: 'a',
        cursor: { startedAt: 1, callId: 'c', extension: '101', id: 7 },
      },
      'invalid-fields',
    ],
    [
      'a journal date range with a negative time',
      { type: 'journal.query', id: 'a', from: -1 },
      'invalid-fields',
    ],
    [
      'an outcome note longer than the journal column',
      { ...outcome, note: 'я'.repeat(NOTE_MAX_LENGTH + 1) },
      'invalid-fields',
    ],
    [
      'an outcome note with a control character',
      { ...outcome, note: 'звонок\u0000' },
      'invalid-fields',
    ],
    [
      'an outcome code that is not a configured code shape',
      { ...outcome, outcome: 'Доставка перенесена' },
      'invalid-fields',
    ],
    [
      'an outcome for an extension that is not digits',
      { ...outcome, extension: '101; DROP' },
      'invalid-fields',
    ],
  ];

  it.each(cases)('rejects %s', (_label, input, kind) => {
    expectError(parseClientMessage(input), kind);
  });

  it('rejects a frame larger than the limit without parsing it', () => {
    const big = JSON.stringify({ type: 'ping', t: 1, pad: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expectError(parseClientMessage(big), 'too-large');
  });

  it('rejects a server frame with a bad call state', () => {
    const bad = { type: 'call', call: { ...serverSamples.call, call: undefined } };
    const result = parseServerMessage(bad);
    expect(result.ok).toBe(false);
  });

  it('names the offending field', () => {
    const result = parseClientMessage({ type: 'dial', id: 'a', number: 5, source: 'link' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('number');
  });
});

describe('dial numbers on their way to the PBX', () => {
  it.each(['101\n', '+7916\r\nAction: Command', '8916\u0000123', '\t8916'])(
    'refuses %j with a control character',
    (number) => {
      const result = parseClientMessage({ type: 'dial', id: 'a', number, source: 'link' });
      expect(result.ok).toBe(false);
    },
  );

  it.each(['103\r\nAction: Command', '103\n'])(
    'refuses the transfer destination %j with a control character',
    (to) => {
      const message = {
        type: 'call.transfer',
        id: 'a',
        callId: 'c',
        extension: '101',
        to,
        target: 'number',
        mode: 'blind',
      };
      expect(parseClientMessage(message).ok).toBe(false);
    },
  );

  it('refuses a pause reason with a line break', () => {
    const message = {
      type: 'queue.pause',
      id: 'a',
      paused: true,
      reason: 'lunch\r\nAction: Command',
    };
    expect(parseClientMessage(message).ok).toBe(false);
  });
});

describe('transfer state on a call', () => {
  function withTransfer(transfer: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'call',
      call: {
        ...call,
        transfer: { target: 'manager', to: '103', ok: false, at: 1_700_000_030_000, ...transfer },
      },
    };
  }

  it.each(CallControlFailure.options)(
    'carries the failure reason %s through encode → parse',
    (reason) => {
      const transfer: TransferState = {
        target: 'courier',
        to: '+79031112233',
        ok: false,
        at: 1_700_000_030_000,
        reason,
        message: 'AMI action BlindTransfer was refused by the PBX: No such channel',
      };
      const message: ServerMessage = { type: 'call', call: { ...call, transfer } };
      expect(parseServerMessage(encodeMessage(message))).toEqual({ ok: true, message });
    },
  );

  it('still reads a failure from a helper that sends no reason', () => {
    const message = withTransfer({ message: 'No parcel of this caller is with a courier now.' });
    expect(parseServerMessage(message)).toEqual({ ok: true, message });
  });

  it('reads a refusal made before a number was found', () => {
    expect(parseServerMessage(withTransfer({ to: '', reason: 'invalid-number' })).ok).toBe(true);
  });

  it('reads a target this side does not know as a typed number', () => {
    const parsed = parseServerMessage(withTransfer({ target: 'dispatcher' }));
    expect(parsed.ok && parsed.message.type === 'call' && parsed.message.call.transfer).toEqual(
      expect.objectContaining({ target: 'number', to: '103' }),
    );
  });

  it.each(['busy', '', 'PBX-REFUSED', 7, null])(
    'reads the unknown reason %j as a generic failure, keeping the call',
    (reason) => {
      const parsed = parseServerMessage(withTransfer({ reason }));
      expect(parsed.ok && parsed.message.type === 'call' && parsed.message.call.transfer).toEqual(
        expect.objectContaining({ reason: 'failed', to: '103' }),
      );
    },
  );
});
