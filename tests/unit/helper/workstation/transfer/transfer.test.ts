import { describe, expect, it } from 'vitest';
import type { CallView, Identity, TransferState } from '../../../../../shared/protocol';
import type { AmiResponse } from '../../../../../helper/ami/client';
import type { ChannelSnapshot } from '../../../../../helper/ami/channel-snapshot';
import {
  AmiActionError,
  AmiDisconnectedError,
  AmiPermissionError,
  AmiTimeoutError,
} from '../../../../../helper/ami/errors';
import type { AmiFields } from '../../../../../helper/ami/encode';
import {
  AmiTransferrer,
  type TransferAmi,
} from '../../../../../helper/workstation/transfer/ami-transferrer';
import { callChannels } from '../../../../../helper/workstation/transfer/call-channels';
import { courierExten } from '../../../../../helper/workstation/transfer/courier-exten';
import { TransferConfigError } from '../../../../../helper/config/transfer-settings';
import { TransferRefusedError } from '../../../../../helper/workstation/transfer/errors';
import {
  DEFAULT_TRANSFER_SETTINGS,
  type TransferSettings,
} from '../../../../../helper/config/transfer-settings';
import { transferTarget } from '../../../../../helper/workstation/transfer/transfer-target';
import { CLIENT, RECIPIENT, activeView } from '../../../../support/helper/journal/samples';

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

function withCourierMobile(mobile: string | undefined): Identity {
  const courier = { code: '31', name: 'Иванов Пётр', ...(mobile ? { mobile } : {}) };
  return { ...RECIPIENT, deliveries: [{ addressCode: '5001', orderCode: '7001', courier }] };
}

function withManagerExtensions(extensions: string[]): Identity {
  return {
    ...CLIENT,
    clients: CLIENT.clients.map((client) => ({
      ...client,
      manager: { user: 'manager1', name: 'Анна', extensions },
    })),
  };
}

/** The reason a refused transfer gives, or a failure when it was not refused. */
function refusalOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    if (error instanceof TransferRefusedError) return error.reason;
    throw error;
  }
  throw new Error('the transfer was not refused');
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

  it.each([
    [
      'no courier holds a parcel',
      CLIENT,
      undefined,
      'no-courier',
      /No parcel of this caller is with a courier now/,
    ],
    [
      'the chosen courier holds none',
      RECIPIENT,
      '99',
      'courier-not-holding',
      /Courier 99 holds none of this caller's parcels/,
    ],
    [
      'several couriers and none chosen',
      RECIPIENT,
      undefined,
      'several-couriers',
      /choose one on the card/,
    ],
    [
      'the courier has no mobile',
      withCourierMobile(undefined),
      '31',
      'no-courier-mobile',
      /has no mobile number in the courier card/,
    ],
    [
      'the mobile is not a dial string',
      withCourierMobile(`+7${'9'.repeat(40)}`),
      '31',
      'invalid-number',
      /courier Иванов Пётр \(courier card\) cannot be dialled/,
    ],
  ] as const)(
    'refuses a courier transfer when %s',
    (_case, identity, courierCode, reason, message) => {
      const request = courierCode
        ? { id: 'r', callId: CALL, target: 'courier' as const, courierCode }
        : { id: 'r', callId: CALL, target: 'courier' as const };
      const attempt = () =>
        transferTarget(activeView({ identity }), request, DEFAULT_TRANSFER_SETTINGS);
      expect(attempt).toThrow(message);
      expect(refusalOf(attempt)).toBe(reason);
    },
  );

  it.each([
    ['no manager', withManagerExtensions([]), 'no-manager', /no account manager with an extension/],
    [
      'an extension that is not a dial string',
      withManagerExtensions(['103 (desk)']),
      'invalid-number',
      /manager manager1 \(users.extPhone\) cannot be dialled/,
    ],
  ] as const)('refuses a manager transfer for %s', (_case, identity, reason, message) => {
    const attempt = () =>
      transferTarget(
        activeView({ identity }),
        { id: 'r', callId: CALL, target: 'manager' },
        DEFAULT_TRANSFER_SETTINGS,
      );
    expect(attempt).toThrow(message);
    expect(refusalOf(attempt)).toBe(reason);
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
    expect(result).toMatchObject({ ok: false, to: '103', reason: 'pbx-permission' });
    expect(result.message).toMatch(/Add "call" to the write= line/);
    expect(states[0]?.state).toMatchObject({ ok: false, to: '103', reason: 'pbx-permission' });
    expect(states[0]?.state.message).toMatch(/Add "call" to the write= line/);
  });

  it.each([
    [new AmiActionError('BlindTransfer', 'No such channel'), 'pbx-refused'],
    [new AmiTimeoutError('BlindTransfer', 5_000), 'pbx-unavailable'],
    [new AmiDisconnectedError('BlindTransfer', 'socket closed'), 'pbx-unavailable'],
    [new Error('unexpected'), 'failed'],
  ] as const)('reports %s from the PBX as %s', async (error, reason) => {
    const ami = new FakeAmi();
    ami.refuse = error;
    const { instance, states } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result).toEqual({ ok: false, to: '103', reason, message: error.message });
    expect(states[0]?.state).toEqual({
      target: 'manager',
      to: '103',
      ok: false,
      at: 1_000,
      reason,
      message: error.message,
    });
  });

  it('says nothing was transferred when the operator has left the call', async () => {
    const ami = new FakeAmi([snapshot('PJSIP/trunk-00000001', CALL)]);
    const { instance, states } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result).toMatchObject({ ok: false, reason: 'not-connected' });
    expect(result.message).toMatch(/no longer connected to extension 101/);
    expect(ami.actions).toEqual([]);
    expect(states[0]?.state.reason).toBe('not-connected');
  });

  it('says nothing was transferred when the caller has left a redirect', async () => {
    const ami = new FakeAmi([snapshot('PJSIP/101-00000002', CALL)]);
    const { instance } = transferrer(ami, { method: 'redirect' });
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result).toMatchObject({ ok: false, reason: 'not-connected' });
    expect(ami.actions).toEqual([]);
  });

  it('refuses without asking the PBX when the caller has nobody to go to, and tells the card why', async () => {
    const ami = new FakeAmi();
    const { instance, states } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'courier',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'no-courier',
      message: 'No parcel of this caller is with a courier now.',
    });
    expect(ami.actions).toEqual([]);
    expect(states).toEqual([
      {
        call: expect.objectContaining({ callId: CALL }),
        state: {
          target: 'courier',
          to: '',
          ok: false,
          at: 1_000,
          reason: 'no-courier',
          message: 'No parcel of this caller is with a courier now.',
        },
      },
    ]);
  });

  it('refuses a call that is not answered', async () => {
    const ami = new FakeAmi();
    const { instance, states } = transferrer(ami);
    const result = await instance.transfer(activeView({ identity: CLIENT, state: 'ringing' }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'not-answered',
      message: 'Only an answered call can be transferred.',
    });
    expect(ami.actions).toEqual([]);
    expect(states[0]?.state).toMatchObject({
      target: 'manager',
      ok: false,
      reason: 'not-answered',
    });
  });

  it('leaves the reason out of a transfer that went through', async () => {
    const { instance, states } = transferrer(new FakeAmi());
    const result = await instance.transfer(activeView({ identity: CLIENT }), {
      id: 'r',
      callId: CALL,
      target: 'manager',
    });
    expect(result.reason).toBeUndefined();
    expect(states[0]?.state).not.toHaveProperty('reason');
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
