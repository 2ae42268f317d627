import { describe, expect, it } from 'vitest';
import {
  AmiActionError,
  AmiClosedError,
  AmiConnectError,
  AmiDisconnectedError,
  AmiError,
  AmiLoginError,
  AmiPermissionError,
  AmiProtocolError,
  AmiTimeoutError,
  AmiValueError,
} from '../../../../../helper/ami/errors';
import { CallControlRefusedError } from '../../../../../helper/workstation/call-control/errors';
import { failureReason } from '../../../../../helper/workstation/call-control/failure-reason';

describe('failureReason', () => {
  it.each([
    [
      'a refusal keeps its own reason',
      new CallControlRefusedError('invalid-number', 'none'),
      'invalid-number',
    ],
    [
      'no attended transfer code in features.conf',
      new AmiActionError('Atxfer', 'No attended transfer feature code found'),
      'no-transfer-feature',
    ],
    [
      'a missing write class',
      new AmiPermissionError('BlindTransfer', 'Permission denied', 'call'),
      'pbx-permission',
    ],
    ['an error answer', new AmiActionError('Redirect', 'No such channel'), 'pbx-refused'],
    ['no answer in time', new AmiTimeoutError('BlindTransfer', 10_000), 'pbx-unavailable'],
    ['a dropped connection', new AmiDisconnectedError('BlindTransfer', 'EPIPE'), 'pbx-unavailable'],
    [
      'an unreachable AMI port',
      new AmiConnectError('10.0.0.5', 5038, 'ECONNREFUSED'),
      'pbx-unavailable',
    ],
    ['a closed client', new AmiClosedError('action'), 'pbx-unavailable'],
    ['a refused login', new AmiLoginError('helper', 'Authentication failed'), 'pbx-unavailable'],
    ['a stream that is not AMI', new AmiProtocolError('no banner'), 'pbx-unavailable'],
    ['a value AMI must not carry', new AmiValueError('Channel', 'bad'), 'failed'],
    ['another AMI error', new AmiError('odd'), 'failed'],
    ['any other error', new TypeError('x is undefined'), 'failed'],
    ['a thrown non-error', 'boom', 'failed'],
  ])('maps %s', (_case, error, reason) => {
    expect(failureReason(error)).toBe(reason);
  });
});
