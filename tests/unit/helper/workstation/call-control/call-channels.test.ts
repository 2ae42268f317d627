import { describe, expect, it } from 'vitest';
import { callChannels } from '../../../../../helper/workstation/call-control/call-channels';
import {
  ANSWERED_ON_101,
  CALL,
  CALLER_BRIDGE,
  CALLER_CHANNEL,
  OPERATOR_CHANNEL,
  snapshot,
} from '../../../../support/helper/workstation/call-control/fake-call-control-ami';

describe('callChannels', () => {
  it("finds the operator's talking phone, its bridge, and the caller", () => {
    expect(callChannels(ANSWERED_ON_101, CALL, '101', ['101', '102'])).toEqual({
      operator: { channel: OPERATOR_CHANNEL, bridge: CALLER_BRIDGE },
      operatorPhone: [OPERATOR_CHANNEL],
      remote: CALLER_CHANNEL,
    });
  });

  it('skips Local channels and finds the far end of a click-to-call', () => {
    const channels = [
      snapshot('PJSIP/101-00000010', CALL, 'b'),
      snapshot('Local/101@from-queue-00000001;2', '1741944600.21', 'b'),
      snapshot('PJSIP/farend-00000011', '1741944600.22', 'b'),
    ];
    expect(callChannels(channels, CALL, '101', ['101']).remote).toBe('PJSIP/farend-00000011');
  });

  it("takes a ringing phone for hang-up but not for a transfer, and never another call's", () => {
    const other = { ...snapshot('PJSIP/101-00000020', '1741944999.1'), linkedid: '1741944999.1' };
    const channels = [snapshot(CALLER_CHANNEL, CALL), snapshot('PJSIP/101-00000004', 'x'), other];
    expect(callChannels(channels, CALL, '101', ['101'])).toEqual({
      operator: undefined,
      operatorPhone: ['PJSIP/101-00000004'],
      remote: undefined,
    });
  });
});
