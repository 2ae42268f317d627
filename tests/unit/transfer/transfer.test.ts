import { describe, expect, it } from 'vitest';
import type { CallView, TransferState } from '../../../shared/protocol';
import type { AmiResponse } from '../../../helper/ami/client';
import type { ChannelSnapshot } from '../../../helper/ami/channel-snapshot';
import { AmiPermissionError } from '../../../helper/ami/errors';
import type { AmiFields } from '../../../helper/ami/encode';
import { AmiTransferrer, type TransferAmi } from '../../../helper/transfer/ami-transferrer';
import { callChannels } from '../../../helper/transfer/call-channels';
import { courierExten } from '../../../helper/transfer/courier-exten';
import { TransferConfigError } from '../../../helper/transfer/errors';
import {
  DEFAULT_TRANSFER_SETTINGS,
  type TransferSettings,
} from '../../../helper/transfer/transfer-settings';
import { transferTarget } from '../../../helper/transfer/transfer-target';
import { CLIENT, RECIPIENT, activeView } from '../journal/support/samples';

const CALL = '1741944600.17';

function snapshot(channel: string, uniqueid: string, bridged = true): ChannelSnapshot {
  return {
    channel,
    state: 6,
    stateDesc: 'Up',
    callerIdNum: undefined,
    callerIdName: undefined,
    connectedLineNum: undefined,
    connectedLineName: undefined,
    context: undefined,
    exten: undefined,
    uniqueid,
    linkedid: CALL,
    application: undefined,
    applicationData: undefined,
    durationSeconds: 10,
    bridgeId: bridged ? 'bridge-1' : undefined,
  };
}

const INBOUND = [
  snapshot('PJSIP/trunk-00000001', CALL),
  snapshot('PJSIP/101-00000002', '1741944600.18'),
  snapshot('PJSIP/102-00000003', '1741944600.19', false),
];

class FakeAmi implements TransferAmi {
  readonly actions: { name: string; fields: AmiFields }[] = [];
  refuse: Error | undefined;

  constructor(private readonly channels: ChannelSnapshot[] = INBOUND) {}

  async action(name: string, fields: AmiFields = {}): Promise<AmiResponse> {
    this.actions.push({ name, fields });
    if (this.refuse) throw this.refuse;
    return { response: 'Success', message: 'Transfer succeeded', actionId: '1', frame: {} };
  }

  async coreShowChannels(): Promise<ChannelSnapshot[]> {
    return this.channels;
  }
}

function transferrer(ami: FakeAmi, settings: Partial<TransferSettings> = {}) {
  const states: { call: CallView; state: TransferState }[] = [];
  const instance = new AmiTransferrer({
    ami,
    settings: { ...DEFAULT_TRANSFER_SETTINGS, ...settings },
    extensions: () => ['101', '102'],
    onTransfer: (call, state) => states.push({ call, state }),
    now: () => 1_000,
  });
  return { instance, states };
}

describe('transferTarget', () => {
  it('sends a recipient to the chosen courier holding the parcel, on his mobile', () => {
    const target = transferTarget(
      activeView({ identity: RECIPIENT }),
      { id: 'r', callId: CALL, target: 'courier', courierCode: '32' },
      DEFAULT_TRANSFER_SETTINGS,
    );
    expect(target).toMatchObject({
      target: 'courier',
      context: 'from-internal',
      exten: '+79034445566',
      to: '+79034445566',
      name: 'Сидоров Олег',
    });
  });

  it('asks to choose when several couriers hold the caller’s parcels', () => {
    expect(() =>
      transferTarget(
        activeView({ identity: RECIPIENT }),
        { id: 'r', callId: CALL, target: 'courier' },
        DEFAULT_TRANSFER_SETTINGS,
      ),
    ).toThrow(/Several couriers hold this caller's parcels \(31, 32\)/);
  });

  it("sends a client to the account manager's extension", () => {
    const target = transferTarget(
      activeView({ identity: CLIENT }),
      { id: 'r', callId: CALL, target: 'manager' },
      DEFAULT_TRANSFER_SETTINGS,
    );
    expect(target).toMatchObject({ target: 'manager', exten: '103', to: '103' });
  });

  it('dials the mobile as the outbound route wants it', () => {
    expect(courierExten('{e164}', '+79031112233')).toBe('+79031112233');
    expect(courierExten('{digits}', '+79031112233')).toBe('79031112233');
    expect(courierExten('9{national}', '+79031112233')).toBe('989031112233');
  });
});

describe('callChannels', () => {
  it("finds the operator's phone and the caller among the call's channels", () => {
    expect(callChannels(INBOUND, CALL, '101', ['101', '102'])).toEqual({
      operator: 'PJSIP/101-00000002',
      remote: 'PJSIP/trunk-00000001',
    });
  });

  it('skips Local channels and finds the far end of a click-to-call', () => {
    const channels = [
      snapshot('PJSIP/101-00000010', CALL),
      snapshot('Local/101@from-queue-00000001;2', '1741944600.21'),
      snapshot('PJSIP/farend-00000011', '1741944600.22'),
    ];
    expect(callChannels(channels, CALL, '101', ['101'])).toEqual({
      operator: 'PJSIP/101-00000010',
      remote: 'PJSIP/farend-00000011',
    });
  });
});

describe('AmiTransferrer', () => {
  it("blind-transfers from the operator's channel and reports it for the card and journal", async () => {
    const ami = new FakeAmi();
    const { instance, states } = transferrer(ami);
    const call = activeView({ identity: CLIENT });
    const result = await instance.transfer(call, { id: 'r', callId: CALL, target: 'manager' });
    expect(result).toMatchObject({ ok: true, to: '103' });
    expect(ami.actions).toEqual([
      {
        name: 'BlindTransfer',
        fields: { Channel: 'PJSIP/101-00000002', Context: 'from-internal', Exten: '103' },
      },
    ]);
    expect(states[0]?.state).toMatchObject({ target: 'manager', to: '103', ok: true, at: 1_000 });
  });

  it("redirects the caller's own channel when so configured", async () => {
    const ami = new FakeAmi();
    const { instance } = transferrer(ami, { method: 'redirect', courierContext: 'outbound' });
    await instance.transfer(activeView({ identity: RECIPIENT }), {
      id: 'r',
      callId: CALL,
      target: 'courier',
      courierCode: '31',
    });
    expect(ami.actions[0]).toEqual({
      name: 'Redirect',
      fields: {
        Channel: 'PJSIP/trunk-00000001',
        Context: 'outbound',
        Exten: '+79031112233',
        Priority: '1',
      },
    });
  });

  it('reports a refusal by the PBX as a failed transfer, saying which privilege is missing', async () => {
    const ami = new FakeAmi();
    ami.refuse = new AmiPermissionError('BlindTransfer', 'Permission denied', 'call');
    const { instance, states } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Add "call" to the write= line/);
    expect(states[0]?.state.ok).toBe(false);
  });

  it('refuses without asking the PBX when the caller has nobody to go to', async () => {
    const ami = new FakeAmi();
    const { instance, states } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'courier',
    });
    expect(result).toEqual({
      ok: false,
      message: 'No parcel of this caller is with a courier now.',
    });
    expect(ami.actions).toEqual([]);
    expect(states).toEqual([]);
  });

  it('refuses a call that is not answered', async () => {
    const ami = new FakeAmi();
    const { instance } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT, state: 'ringing' }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result).toMatchObject({
      ok: false,
      message: 'Only an answered call can be transferred.',
    });
    expect(ami.actions).toEqual([]);
  });

  it('refuses settings that would build invalid AMI values', () => {
    expect(() => transferrer(new FakeAmi(), { courierContext: 'bad context' })).toThrow(
      TransferConfigError,
    );
    expect(() => transferrer(new FakeAmi(), { courierExten: '{mobile}' })).toThrow(
      /transfer.courierExten/,
    );
  });
});
