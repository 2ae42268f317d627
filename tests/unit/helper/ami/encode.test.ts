import { describe, expect, it } from 'vitest';
import {
  validateChannel,
  validateContext,
  validateDialTarget,
} from '../../../../helper/ami/dial-target';
import { encodeAction } from '../../../../helper/ami/encode';
import { AmiValueError } from '../../../../helper/ami/errors';
import { originateFields, originateResultOf } from '../../../../helper/ami/originate';

describe('encodeAction', () => {
  it('writes Action, ActionID, the fields and a blank line; arrays repeat the header', () => {
    const bytes = encodeAction('Originate', 'ct-1', {
      Channel: 'PJSIP/101',
      Priority: 1,
      Async: true,
      Variable: ['A=1', 'B=2'],
      Skipped: undefined,
    });
    expect(bytes.toString()).toBe(
      'Action: Originate\r\nActionID: ct-1\r\nChannel: PJSIP/101\r\nPriority: 1\r\n' +
        'Async: true\r\nVariable: A=1\r\nVariable: B=2\r\n\r\n',
    );
  });

  it.each([
    ['a CRLF in a value', { Exten: '123\r\nAction: Command' }, 'Exten'],
    ['a bare LF in a value', { Exten: '123\nX: y' }, 'Exten'],
    ['a bare CR in a value', { Exten: '123\rX' }, 'Exten'],
    ['a NUL in a value', { Exten: '123\0' }, 'Exten'],
    ['a line break in an array item', { Variable: ['A=1', 'B=2\r\n'] }, 'Variable'],
    ['a line break in a key', { 'X\r\nAction': 'v' }, 'X\r\nAction'],
    ['a colon in a key', { 'X: y': 'v' }, 'X: y'],
    ['an ActionID override', { ActionID: 'theirs' }, 'ActionID'],
  ])('refuses %s, naming the key', (_label, fields, key) => {
    let caught: unknown;
    try {
      encodeAction('Originate', 'ct-1', fields);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AmiValueError);
    expect((caught as AmiValueError).key).toBe(key);
  });

  it('never echoes the refused value in the error message', () => {
    expect(() => encodeAction('Login', 'ct-1', { Secret: 's3cr3t\r\nEvents: on' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cr3t') }) as Error,
    );
  });

  it('refuses a line break in the action name or the ActionID', () => {
    expect(() => encodeAction('Ping\r\nAction: Command', 'ct-1')).toThrow(AmiValueError);
    expect(() => encodeAction('Ping', 'ct-1\r\n')).toThrow(AmiValueError);
  });
});

describe('dial target and name validation', () => {
  it.each(['101', '+79161234567', '*72101', '#31#79161234567', '88005553535'])(
    'accepts %s',
    (target) => expect(validateDialTarget(target)).toBe(target),
  );

  it.each([
    ['empty', ''],
    ['letters', '8916abc4567'],
    ['spaces', '+7 916 123 45 67'],
    ['dashes', '8-800-555-35-35'],
    ['CRLF injection', '123\r\nAction: Command'],
    ['a comma (second Dial target)', '101,102'],
    ['an ampersand', '101&PJSIP/102'],
    ['too long', '1'.repeat(33)],
  ])('refuses %s', (_label, target) => {
    expect(() => validateDialTarget(target)).toThrow(AmiValueError);
  });

  it.each([
    'PJSIP/101',
    'SIP/101',
    'Local/101@from-internal',
    'Local/101@from-queue/n',
    'IAX2/peer/101',
  ])('accepts channel %s', (channel) => expect(validateChannel(channel)).toBe(channel));

  it.each(['101', 'PJSIP/101&PJSIP/102', 'PJSIP/101,20', 'PJSIP/10 1', 'PJSIP/101\r\n', '/101'])(
    'refuses channel %j',
    (channel) => expect(() => validateChannel(channel)).toThrow(AmiValueError),
  );

  it('accepts ordinary contexts and refuses odd ones', () => {
    expect(validateContext('from-internal')).toBe('from-internal');
    expect(validateContext('ext.local_1')).toBe('ext.local_1');
    expect(() => validateContext('from internal')).toThrow(AmiValueError);
    expect(() => validateContext('ctx\r\nAction: Command')).toThrow(AmiValueError);
    expect(() => validateContext('c'.repeat(80))).toThrow(AmiValueError);
  });
});

describe('originate fields and results', () => {
  const base = {
    channel: 'PJSIP/101',
    context: 'from-internal',
    exten: '+79161234567',
    timeoutMs: 30_000,
  };

  it('builds the Originate headers with caller ID and variables', () => {
    expect(
      originateFields({
        ...base,
        callerId: { name: 'Курьерская служба', number: '+74951234567' },
        variables: { __CT_REQUEST: 'r-1' },
      }),
    ).toEqual({
      Channel: 'PJSIP/101',
      Context: 'from-internal',
      Exten: '+79161234567',
      Priority: 1,
      CallerID: '"Курьерская служба" <+74951234567>',
      Timeout: 30_000,
      Async: true,
      Variable: ['__CT_REQUEST=r-1'],
    });
  });

  it.each([
    ['letters in the number', { exten: '8916abc' }, 'Exten'],
    ['a CRLF in the number', { exten: '123\r\nAction: Command' }, 'Exten'],
    ['a bad channel', { channel: 'PJSIP/101&PJSIP/102' }, 'Channel'],
    ['a bad context', { context: 'a b' }, 'Context'],
    ['a quote in the caller name', { callerId: { name: 'A"B', number: '101' } }, 'CallerID'],
    ['letters in the caller number', { callerId: { number: 'abc' } }, 'CallerID'],
    ['a comma in a variable value', { variables: { A: '1,B=2' } }, 'Variable'],
    ['a bad variable name', { variables: { 'A B': '1' } }, 'Variable'],
    ['a timeout too short', { timeoutMs: 10 }, 'Timeout'],
  ])('refuses %s', (_label, override, key) => {
    expect(() => originateFields({ ...base, ...override })).toThrow(
      expect.objectContaining({ name: 'AmiValueError', key }) as Error,
    );
  });

  it.each([
    ['0', 'failed'],
    ['1', 'hangup'],
    ['3', 'no-answer'],
    ['5', 'busy'],
    ['8', 'congestion'],
    ['2', 'failed'],
  ])('maps failure Reason %s to %s', (reason, expected) => {
    expect(
      originateResultOf({
        Event: 'OriginateResponse',
        Response: 'Failure',
        Reason: reason,
        Uniqueid: '<null>',
      }),
    ).toEqual({
      ok: false,
      reason: expected,
      reasonCode: Number(reason),
      uniqueid: undefined,
      channel: undefined,
    });
  });

  it('maps success with the new channel', () => {
    expect(
      originateResultOf({
        Event: 'OriginateResponse',
        Response: 'Success',
        Reason: '4',
        Channel: 'PJSIP/101-00000001',
        Uniqueid: '1718012345.7',
      }),
    ).toEqual({ ok: true, reasonCode: 4, uniqueid: '1718012345.7', channel: 'PJSIP/101-00000001' });
  });
});
