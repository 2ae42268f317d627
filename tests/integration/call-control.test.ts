import type { Connection } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, ClientMessageOf } from '../../shared/protocol';
import { DEFAULT_TRANSFER_SETTINGS } from '../../helper/config/transfer-settings';
import { CallController } from '../../helper/workstation/call-control/call-controller';
import type { RawAmiClient } from '../../harness/raw-ami';
import { DIDS } from '../../harness/pbx-plan';
import { connectAmi } from '../support/ami';
import { ACCOUNT_MANAGER, FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { eventually, journalRows } from '../support/journal/harness-journal';
import {
  startJournalLiveSetup,
  type JournalLiveSetup,
} from '../support/journal/journal-live-setup';
import type { LiveHelper } from '../support/journal/live-helper';
import { channelsNow, talking, untilChannels } from '../support/pbx-bridges';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';

let helper: LiveHelper;
let db: Connection;
let setup: JournalLiveSetup | undefined;
let admin: RawAmiClient;

const CALLER = /^PJSIP\/trunk-/;
const OPERATOR = /^PJSIP\/101-/;
const MANAGER = /^PJSIP\/103-/;

beforeAll(async () => {
  setup = await startJournalLiveSetup({ extensions: ['101'] });
  ({ helper, db } = setup);
  admin = await connectAmi('admin');
});

afterEach(stopSipp);

afterAll(async () => {
  await admin?.close();
  await setup?.stop();
});

/** The card of the call on 101 once it is answered and the caller is identified. */
function answeredCard(from: string): Promise<CallView> {
  return eventually(
    () =>
      helper.hub
        .activeCalls()
        .find(
          (c) =>
            c.extension === '101' &&
            c.state === 'answered' &&
            c.lookup === 'done' &&
            c.remote.dbKey === from,
        ),
    (card) => card !== undefined,
    `the answered, identified card of ${from}`,
  ) as Promise<CallView>;
}

async function transferredRow(callId: string) {
  const [row] = await eventually(
    () => journalRows(db, callId),
    (rows) => rows.length === 1 && rows[0]?.transferred_to !== null,
    'the journal row with its transfer',
  );
  return row;
}

function own(card: CallView) {
  return { id: 'r', callId: card.callId, extension: card.extension };
}

function transfer(
  card: CallView,
  to: string,
  mode: 'blind' | 'attended',
  target: ClientMessageOf<'call.transfer'>['target'] = 'number',
): ClientMessageOf<'call.transfer'> {
  return { type: 'call.transfer', ...own(card), to, target, mode };
}

/** The card's view of the call as the hub pushes it now. */
function cardNow(card: CallView): CallView | undefined {
  return helper.hub
    .activeCalls()
    .find((c) => c.callId === card.callId && c.extension === card.extension);
}

/** An inbound call from a client answered on 101 and looked up, with 103 ready to answer. */
async function answeredClientCall(manager: { answerAfterMs: number }) {
  await startPhone('103', 'answer', manager);
  await startPhone('101', 'answer', { answerAfterMs: 300 });
  const call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
  const card = await answeredCard(FIXTURE_NUMBERS.clientMain);
  return { call, card };
}

describe('transfer from the card', () => {
  it('blind-transfers the caller to a typed extension: the caller talks to 103, 101 is free', async () => {
    const { call, card } = await answeredClientCall({ answerAfterMs: 300 });
    expect(await helper.callControl.control(card, transfer(card, '103', 'blind'))).toMatchObject({
      ok: true,
      to: '103',
    });
    const after = await untilChannels(
      admin,
      (channels) => talking(channels, CALLER, MANAGER),
      'the caller bridged with 103',
    );
    expect(after.some((c) => OPERATOR.test(c.channel))).toBe(false);

    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({
      extension: '101',
      result: 'answered',
      transfer_target: 'number',
      transfer_mode: 'blind',
      transferred_to: '103',
      transfer_ok: 1,
      client_code: WELL_KNOWN.clients.mainClient.code,
    });
    await call.hangup();
  });

  it('sends a recipient to the mobile of the courier picked on the card, through the outbound route', async () => {
    const courier = WELL_KNOWN.couriers.courierWithManager;
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300 });
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    const card = await answeredCard(FIXTURE_NUMBERS.recipient);
    const mobile = `+${courier.phonem}`;
    expect(card.identity.deliveries.some((d) => d.courier?.mobile === mobile)).toBe(true);

    const outcome = await helper.callControl.control(
      card,
      transfer(card, mobile, 'blind', 'courier'),
    );
    expect(outcome).toMatchObject({ ok: true, to: mobile });
    const invite = await farEnd.waitForInvite({ since: 0 });
    expect(invite.dialled).toBe(mobile);
    expect(invite.fromUser).toBe(FIXTURE_NUMBERS.recipient);
    expect(helper.transfers.at(-1)?.state).toMatchObject({ target: 'courier', ok: true });
    expect(await transferredRow(card.callId)).toMatchObject({
      transfer_target: 'courier',
      transferred_to: mobile,
      transfer_ok: 1,
    });
    await call.hangup();
  });

  it('talks to 103 first, then connects the caller to 103 and releases 101', async () => {
    const { call, card } = await answeredClientCall({ answerAfterMs: 1_500 });
    const started = await helper.callControl.control(
      card,
      transfer(card, ACCOUNT_MANAGER.extensions[0], 'attended', 'manager'),
    );
    expect(started).toEqual({ ok: true, to: '103' });
    expect(cardNow(card)?.consult).toMatchObject({ target: 'manager', to: '103' });
    // While 101 consults 103 the caller waits alone in the first bridge.
    const consulting = await untilChannels(
      admin,
      (channels) => talking(channels, OPERATOR, MANAGER) && !talking(channels, CALLER, OPERATOR),
      '101 talking to 103 while the caller holds',
    );
    expect(talking(consulting, CALLER, MANAGER)).toBe(false);
    await eventually(
      () => cardNow(card)?.consult?.state,
      (state) => state === 'talking',
      'the card showing 101 talking to 103',
    );

    expect(
      await helper.callControl.control(card, { type: 'call.transfer.complete', ...own(card) }),
    ).toEqual({ ok: true, to: '103' });
    const after = await untilChannels(
      admin,
      (channels) =>
        talking(channels, CALLER, MANAGER) && !channels.some((c) => OPERATOR.test(c.channel)),
      'the caller bridged with 103 and 101 gone',
    );
    expect(talking(after, CALLER, MANAGER)).toBe(true);

    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({
      transfer_target: 'manager',
      transfer_mode: 'attended',
      transferred_to: '103',
      transfer_ok: 1,
      transfer_reason: null,
    });
    const popup = await helper.journal.reader.query({ id: 'q' });
    expect(popup.entries.find((c) => c.callId === card.callId)?.transfer).toMatchObject({
      mode: 'attended',
      ok: true,
    });
    await call.hangup();
  });

  it('cancels the attended transfer: 103 is released and 101 keeps the caller, then hangs up from the card', async () => {
    const { call, card } = await answeredClientCall({ answerAfterMs: 500 });
    await helper.callControl.control(card, transfer(card, '103', 'attended'));
    await untilChannels(
      admin,
      (channels) => talking(channels, OPERATOR, MANAGER),
      '101 talking to 103',
    );

    expect(
      await helper.callControl.control(card, { type: 'call.transfer.cancel', ...own(card) }),
    ).toEqual({ ok: true, to: '103' });
    const back = await untilChannels(
      admin,
      (channels) =>
        talking(channels, CALLER, OPERATOR) && !channels.some((c) => MANAGER.test(c.channel)),
      'the caller bridged with 101 again and 103 released',
    );
    expect(talking(back, CALLER, OPERATOR)).toBe(true);
    const shown = await eventually(
      () => cardNow(card),
      (view) => view?.consult === undefined && view?.transfer !== undefined,
      'the card back to the call, with the cancelled transfer',
    );
    expect(shown?.state).toBe('answered');
    expect(shown?.transfer).toMatchObject({ mode: 'attended', ok: false, reason: 'cancelled' });

    // Hang-up from the card ends the call on the PBX: the caller's channel hangs up too.
    const since = admin.mark();
    expect(await helper.callControl.control(card, { type: 'call.hangup', ...own(card) })).toEqual({
      ok: true,
    });
    await admin.waitForEvent({ Event: 'Hangup', Channel: CALLER }, { since });
    expect((await call.done).answered).toBe(true);
    expect((await channelsNow(admin)).filter((c) => CALLER.test(c.channel))).toEqual([]);

    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({
      transfer_mode: 'attended',
      transferred_to: '103',
      transfer_ok: 0,
      transfer_reason: 'cancelled',
    });
  });

  it('tells the card 103 was busy and keeps the caller with 101', async () => {
    await startPhone('103', 'busy');
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
    const card = await answeredCard(FIXTURE_NUMBERS.clientMain);
    await helper.callControl.control(card, transfer(card, '103', 'attended'));
    const shown = await eventually(
      () => cardNow(card),
      (view) => view?.transfer !== undefined && view.consult === undefined,
      'the card with the failed transfer',
    );
    expect(shown?.transfer).toMatchObject({ ok: false, reason: 'target-busy', to: '103' });
    await untilChannels(
      admin,
      (channels) => talking(channels, CALLER, OPERATOR),
      'the caller with 101 again',
    );
    await call.hangup();
  });

  it("redirects a client to the account manager's phone when so configured", async () => {
    const redirecting = new CallController({
      ami: helper.ami,
      settings: { ...DEFAULT_TRANSFER_SETTINGS, method: 'redirect' },
      defaultCountry: 'RU',
      extensions: () => ['101'],
      signal: AbortSignal.timeout(60_000),
      onTransfer: (call, state) => helper.journal.journal.transferred(call, state),
    });
    const manager = await startPhone('103', 'answer', { answerAfterMs: 300 });
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
    const card = await answeredCard(FIXTURE_NUMBERS.clientMain);

    const result = await redirecting.control(card, transfer(card, '103', 'blind', 'manager'));
    expect(result).toMatchObject({ ok: true, to: '103' });
    const invite = await manager.waitForInvite({ since: 0 });
    expect(invite.fromUser).toBe(FIXTURE_NUMBERS.clientMain);
    expect(await transferredRow(card.callId)).toMatchObject({
      transfer_target: 'manager',
      transferred_to: '103',
      transfer_ok: 1,
    });
    await call.hangup();
  });

  it('tells the card the call is no longer connected when the caller hung up first', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
    const card = await answeredCard(FIXTURE_NUMBERS.clientMain);
    await call.hangup();
    await eventually(
      () => helper.hub.activeCalls().some((c) => c.callId === card.callId),
      (active) => !active,
      'the end of the call on 101',
    );

    const result = await helper.callControl.control(card, transfer(card, '103', 'blind'));
    expect(result).toMatchObject({ ok: false, to: '103', reason: 'not-connected' });
    expect(result.message).toMatch(/no longer connected to extension 101/);
    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({ transfer_target: 'number', transfer_ok: 0 });
    expect(row?.transfer_reason).toBe('not-connected');
  });
});
