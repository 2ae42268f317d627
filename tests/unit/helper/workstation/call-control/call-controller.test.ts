import { afterEach, describe, expect, it } from 'vitest';
import type {
  CallView,
  ClientMessageOf,
  ConsultState,
  TransferState,
} from '../../../../../shared/protocol';
import {
  AmiActionError,
  AmiDisconnectedError,
  AmiPermissionError,
  AmiTimeoutError,
} from '../../../../../helper/ami/errors';
import {
  DEFAULT_TRANSFER_SETTINGS,
  type TransferSettings,
} from '../../../../../helper/config/transfer-settings';
import { CallController } from '../../../../../helper/workstation/call-control/call-controller';
import {
  ANSWERED_ON_101,
  BACK_WITH_CALLER,
  CALL,
  CALLER_CHANNEL,
  consultStarts,
  FakeCallControlAmi,
  OPERATOR_CHANNEL,
  snapshot,
  TRANSFERRED,
} from '../../../../support/helper/workstation/call-control/fake-call-control-ami';
import { activeView, CLIENT } from '../../../../support/helper/journal/samples';

const scopes: AbortController[] = [];
afterEach(() => {
  for (const scope of scopes.splice(0)) scope.abort();
});

function controller(
  ami: FakeCallControlAmi,
  settings: Partial<TransferSettings> = {},
  timing: { consultStartMs?: number; consultEndMs?: number } = {},
) {
  const scope = new AbortController();
  scopes.push(scope);
  const transfers: TransferState[] = [];
  const consults: (ConsultState | undefined)[] = [];
  const instance = new CallController({
    ami,
    settings: { ...DEFAULT_TRANSFER_SETTINGS, ...settings },
    defaultCountry: 'RU',
    extensions: () => ['101', '102'],
    onTransfer: (_call, state) => transfers.push(state),
    onConsult: (_call, consult) => consults.push(consult),
    signal: scope.signal,
    now: () => 1_000,
    consultStartMs: timing.consultStartMs ?? 2_000,
    consultEndMs: timing.consultEndMs ?? 2_000,
  });
  return { instance, transfers, consults };
}

const own = { id: 'r', callId: CALL, extension: '101' } as const;

function transfer(
  to: string,
  mode: 'blind' | 'attended',
  target: 'number' | 'manager' | 'courier' = 'number',
): ClientMessageOf<'call.transfer'> {
  return { type: 'call.transfer', ...own, to, target, mode };
}

const answered: CallView = activeView({ identity: CLIENT });

describe('hang-up', () => {
  it("hangs up every channel of the operator's phone in the call, and nothing else", async () => {
    const ami = new FakeCallControlAmi([
      snapshot(CALLER_CHANNEL, CALL, 'b1'),
      snapshot(OPERATOR_CHANNEL, '1741944600.18', 'b1'),
      snapshot('PJSIP/102-00000003', '1741944600.19'),
      snapshot('PJSIP/101-00000009', '1741944999.1'),
    ]);
    ami.channels[3] = { ...ami.channels[3]!, linkedid: '1741944999.1' };
    const { instance } = controller(ami);
    expect(await instance.control(answered, { type: 'call.hangup', ...own })).toEqual({ ok: true });
    expect(ami.actions).toEqual([{ name: 'Hangup', fields: { Channel: OPERATOR_CHANNEL } }]);
  });

  it('declines a ringing call by hanging up the ringing phone', async () => {
    const ringing = snapshot('PJSIP/101-00000004', '1741944600.18');
    const ami = new FakeCallControlAmi([snapshot(CALLER_CHANNEL, CALL), ringing]);
    const { instance } = controller(ami);
    const call = activeView({ state: 'ringing' });
    expect(await instance.control(call, { type: 'call.hangup', ...own })).toEqual({ ok: true });
    expect(ami.actions).toEqual([{ name: 'Hangup', fields: { Channel: 'PJSIP/101-00000004' } }]);
  });

  it('says nothing was hung up once the phone has left the call', async () => {
    const { instance } = controller(new FakeCallControlAmi([snapshot(CALLER_CHANNEL, CALL)]));
    expect(await instance.control(answered, { type: 'call.hangup', ...own })).toMatchObject({
      ok: false,
      reason: 'not-connected',
    });
  });

  it('names the missing write class when the PBX refuses', async () => {
    const ami = new FakeCallControlAmi();
    ami.refuse = new AmiPermissionError('Hangup', 'Permission denied', 'call');
    const { instance } = controller(ami);
    const outcome = await instance.control(answered, { type: 'call.hangup', ...own });
    expect(outcome).toMatchObject({ ok: false, reason: 'pbx-permission' });
    expect(outcome.message).toMatch(/Add "call" to the write= line/);
  });
});

describe('blind transfer', () => {
  it('waits for the bridge when asked in the moment between the answer and the bridge', async () => {
    const ami = new FakeCallControlAmi([
      snapshot(CALLER_CHANNEL, CALL),
      snapshot(OPERATOR_CHANNEL, '1741944600.18'),
    ]);
    const listed = ami.coreShowChannels.bind(ami);
    let asked = 0;
    ami.coreShowChannels = async () => {
      asked += 1;
      // The PBX bridges the two after the first listing.
      if (asked === 2) ami.channels = ANSWERED_ON_101;
      return listed();
    };
    const { instance } = controller(ami);
    expect(await instance.control(answered, transfer('103', 'blind'))).toMatchObject({
      ok: true,
      to: '103',
    });
    expect(ami.actions).toEqual([
      { name: 'BlindTransfer', fields: expect.objectContaining({ Channel: OPERATOR_CHANNEL }) },
    ]);
  });

  it('still refuses when the phone never joins the bridge', async () => {
    const ami = new FakeCallControlAmi([snapshot(OPERATOR_CHANNEL, '1741944600.18')]);
    const { instance } = controller(ami);
    expect(await instance.control(answered, transfer('103', 'blind'))).toMatchObject({
      ok: false,
      reason: 'not-connected',
    });
    expect(ami.actions).toEqual([]);
  }, 10_000);

  it("blind-transfers the operator's channel to a typed extension and reports it", async () => {
    const ami = new FakeCallControlAmi();
    const { instance, transfers } = controller(ami);
    expect(await instance.control(answered, transfer('103', 'blind'))).toMatchObject({
      ok: true,
      to: '103',
    });
    expect(ami.actions).toEqual([
      {
        name: 'BlindTransfer',
        fields: { Channel: OPERATOR_CHANNEL, Context: 'from-internal', Exten: '103' },
      },
    ]);
    expect(transfers).toEqual([
      {
        target: 'number',
        mode: 'blind',
        to: '103',
        ok: true,
        at: 1_000,
        message: 'Transferred to 103.',
      },
    ]);
  });

  it('dials an outside number as transfer.courierExten says, in transfer.courierContext', async () => {
    const ami = new FakeCallControlAmi();
    const { instance, transfers } = controller(ami, {
      courierContext: 'outbound',
      courierExten: '9{national}',
    });
    await instance.control(answered, transfer('8 (903) 111-22-33', 'blind', 'courier'));
    expect(ami.actions[0]?.fields).toEqual({
      Channel: OPERATOR_CHANNEL,
      Context: 'outbound',
      Exten: '989031112233',
    });
    expect(transfers[0]).toMatchObject({ target: 'courier', to: '+79031112233', ok: true });
  });

  it("redirects the caller's own channel when so configured", async () => {
    const ami = new FakeCallControlAmi();
    const { instance } = controller(ami, { method: 'redirect' });
    await instance.control(answered, transfer('+7 903 111-22-33', 'blind'));
    expect(ami.actions[0]).toEqual({
      name: 'Redirect',
      fields: {
        Channel: CALLER_CHANNEL,
        Context: 'from-internal',
        Exten: '+79031112233',
        Priority: '1',
      },
    });
  });

  it.each([
    ['not a number at all', 'Иванову', /neither an extension nor a phone number/],
    ['a number too long to dial', `+7${'9'.repeat(40)}`, /neither an extension/],
  ])('refuses %s without asking the PBX, and tells the card', async (_case, to, message) => {
    const ami = new FakeCallControlAmi();
    const { instance, transfers } = controller(ami);
    const outcome = await instance.control(answered, transfer(to, 'blind'));
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid-number' });
    expect(outcome.message).toMatch(message);
    expect(ami.actions).toEqual([]);
    expect(transfers[0]).toMatchObject({ to: '', ok: false, reason: 'invalid-number' });
  });

  it('refuses a call not answered on the operator\u2019s phone', async () => {
    const ami = new FakeCallControlAmi();
    const { instance } = controller(ami);
    const outcome = await instance.control(
      activeView({ state: 'ringing' }),
      transfer('103', 'blind'),
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'not-answered' });
    expect(ami.actions).toEqual([]);
  });

  it.each([
    [new AmiActionError('BlindTransfer', 'No such channel'), 'pbx-refused'],
    [new AmiTimeoutError('BlindTransfer', 5_000), 'pbx-unavailable'],
    [new AmiDisconnectedError('BlindTransfer', 'socket closed'), 'pbx-unavailable'],
    [new Error('unexpected'), 'failed'],
  ] as const)('reports %s from the PBX as %s', async (error, reason) => {
    const ami = new FakeCallControlAmi();
    ami.refuse = error;
    const { instance, transfers } = controller(ami);
    expect(await instance.control(answered, transfer('103', 'blind'))).toEqual({
      ok: false,
      to: '103',
      reason,
      message: error.message,
    });
    expect(transfers[0]).toMatchObject({ ok: false, reason, to: '103' });
  });
});

describe('attended transfer', () => {
  it('starts the PBX\u2019s attended transfer, then completes it by releasing the operator', async () => {
    const ami = new FakeCallControlAmi();
    ami.after.set('Atxfer', consultStarts(true));
    ami.after.set('Hangup', TRANSFERRED);
    const { instance, transfers, consults } = controller(ami);

    expect(await instance.control(answered, transfer('103', 'attended', 'manager'))).toEqual({
      ok: true,
      to: '103',
    });
    expect(ami.actions[0]).toEqual({
      name: 'Atxfer',
      fields: { Channel: OPERATOR_CHANNEL, Exten: '103#', Context: 'from-internal' },
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(consults).toEqual([
      { target: 'manager', to: '103', state: 'calling', since: 1_000 },
      { target: 'manager', to: '103', state: 'talking', since: 1_000 },
    ]);

    expect(await instance.control(answered, { type: 'call.transfer.complete', ...own })).toEqual({
      ok: true,
      to: '103',
    });
    expect(ami.actions[1]).toEqual({ name: 'Hangup', fields: { Channel: OPERATOR_CHANNEL } });
    expect(consults.at(-1)).toBeUndefined();
    expect(transfers).toEqual([
      {
        target: 'manager',
        mode: 'attended',
        to: '103',
        ok: true,
        at: 1_000,
        message: 'Transferred to 103 after talking to them.',
      },
    ]);
  });

  it('cancels, keeping the caller, and reports the transfer as cancelled', async () => {
    const ami = new FakeCallControlAmi();
    ami.after.set('Atxfer', consultStarts(true));
    ami.after.set('CancelAtxfer', [BACK_WITH_CALLER]);
    const { instance, transfers } = controller(ami);
    await instance.control(answered, transfer('103', 'attended'));
    expect(await instance.control(answered, { type: 'call.transfer.cancel', ...own })).toEqual({
      ok: true,
      to: '103',
    });
    expect(ami.actions[1]).toEqual({
      name: 'CancelAtxfer',
      fields: { Channel: OPERATOR_CHANNEL },
    });
    expect(transfers).toEqual([
      expect.objectContaining({ mode: 'attended', ok: false, reason: 'cancelled', to: '103' }),
    ]);
  });

  it.each([
    ['BUSY', false, 'target-busy'],
    ['NOANSWER', false, 'target-no-answer'],
    ['ANSWER', true, 'target-hung-up'],
  ] as const)(
    'reports a person whose dial ended %s as %s when the operator is back with the caller',
    async (status, answeredFirst, reason) => {
      const ami = new FakeCallControlAmi();
      ami.after.set('Atxfer', consultStarts(answeredFirst));
      const { instance, transfers, consults } = controller(ami);
      await instance.control(answered, transfer('103', 'attended'));
      ami.emit(
        { Event: 'DialEnd', Channel: 'Local/103@from-internal-00000003;2', DialStatus: status },
        BACK_WITH_CALLER,
      );
      expect(transfers).toEqual([expect.objectContaining({ ok: false, reason })]);
      expect(consults.at(-1)).toBeUndefined();
    },
  );

  it('tells the operator the dialplan forbids the transfer when the PBX does not start it', async () => {
    const ami = new FakeCallControlAmi();
    const { instance, transfers } = controller(ami, {}, { consultStartMs: 50 });
    const outcome = await instance.control(answered, transfer('103', 'attended'));
    expect(outcome).toMatchObject({ ok: false, to: '103', reason: 'transfer-not-allowed' });
    expect(outcome.message).toMatch(/Dial option t or T, Queue option t/);
    expect(transfers[0]).toMatchObject({ reason: 'transfer-not-allowed', mode: 'attended' });
    // A later cancel finds nothing to cancel.
    expect(
      await instance.control(answered, { type: 'call.transfer.cancel', ...own }),
    ).toMatchObject({ ok: false, reason: 'no-consultation' });
  });

  it('says features.conf lacks the attended transfer code when Atxfer says so', async () => {
    const ami = new FakeCallControlAmi();
    ami.refuse = new AmiActionError('Atxfer', 'No attended transfer feature code found');
    const { instance } = controller(ami);
    expect(await instance.control(answered, transfer('103', 'attended'))).toMatchObject({
      ok: false,
      reason: 'no-transfer-feature',
    });
  });

  it('refuses an outside number written with "+", which keypad digits cannot send', async () => {
    const ami = new FakeCallControlAmi();
    const { instance } = controller(ami);
    const outcome = await instance.control(answered, transfer('+79031112233', 'attended'));
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid-number' });
    expect(outcome.message).toMatch(/set transfer.courierExten to "\{digits\}"/);
    expect(ami.actions).toEqual([]);
  });

  it('refuses a second transfer and a hang-up while the consultation goes on', async () => {
    const ami = new FakeCallControlAmi();
    ami.after.set('Atxfer', consultStarts(false));
    const { instance } = controller(ami);
    await instance.control(answered, transfer('103', 'attended'));
    expect(await instance.control(answered, transfer('104', 'blind'))).toMatchObject({
      reason: 'consulting',
    });
    expect(await instance.control(answered, { type: 'call.hangup', ...own })).toMatchObject({
      reason: 'consulting',
    });
    expect(ami.actions.map((action) => action.name)).toEqual(['Atxfer']);
  });

  it('ends the consultation when the caller hangs up meanwhile', async () => {
    const ami = new FakeCallControlAmi();
    ami.after.set('Atxfer', consultStarts(true));
    const { instance, transfers } = controller(ami);
    await instance.control(answered, transfer('103', 'attended'));
    ami.emit({ Event: 'Hangup', Channel: CALLER_CHANNEL, Cause: '16' });
    expect(transfers).toEqual([
      expect.objectContaining({ ok: false, reason: 'not-connected', to: '103' }),
    ]);
  });
});
