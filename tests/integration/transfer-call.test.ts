import type { Connection } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/protocol';
import { AmiTransferrer } from '../../helper/workstation/transfer/ami-transferrer';
import { DEFAULT_TRANSFER_SETTINGS } from '../../helper/config/transfer-settings';
import { ACCOUNT_MANAGER, FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { eventually, journalRows } from '../support/journal/harness-journal';
import {
  startJournalLiveSetup,
  type JournalLiveSetup,
} from '../support/journal/journal-live-setup';
import type { LiveHelper } from '../support/journal/live-helper';

let helper: LiveHelper;
let db: Connection;
let setup: JournalLiveSetup | undefined;

beforeAll(async () => {
  setup = await startJournalLiveSetup({ extensions: ['101'] });
  ({ helper, db } = setup);
});

afterEach(stopSipp);

afterAll(() => setup?.stop());

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

describe('transfer from the card', () => {
  it('blind-transfers a recipient to the mobile of the courier holding the parcel', async () => {
    const courier = WELL_KNOWN.couriers.courierWithManager;
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300 });
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    const card = await answeredCard(FIXTURE_NUMBERS.recipient);

    const result = await helper.transferrer.transfer(card, {
      id: 't1',
      callId: card.callId,
      target: 'courier',
      courierCode: String(courier.code),
    });
    expect(result).toMatchObject({ ok: true, to: `+${courier.phonem}` });
    expect(result.reason).toBeUndefined();
    const invite = await farEnd.waitForInvite({ since: 0 });
    expect(invite.dialled).toBe(`+${courier.phonem}`);
    expect(invite.fromUser).toBe(FIXTURE_NUMBERS.recipient);
    expect(helper.transfers.at(-1)?.state).toMatchObject({
      target: 'courier',
      to: `+${courier.phonem}`,
      ok: true,
    });
    expect(helper.transfers.at(-1)?.state).not.toHaveProperty('reason');

    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({
      extension: '101',
      result: 'answered',
      transfer_target: 'courier',
      transferred_to: `+${courier.phonem}`,
      transfer_ok: 1,
    });
    const popup = await helper.journal.reader.query({ id: 'q' });
    expect(popup.entries.find((c) => c.callId === card.callId)?.transfer).toMatchObject({
      target: 'courier',
      ok: true,
    });
    await call.hangup();
  });

  it("redirects a client to the account manager's phone", async () => {
    const redirecting = new AmiTransferrer({
      ami: helper.ami,
      settings: { ...DEFAULT_TRANSFER_SETTINGS, method: 'redirect' },
      extensions: () => ['101'],
      onTransfer: (call, transfer) => helper.journal.journal.transferred(call, transfer),
    });
    const manager = await startPhone('103', 'answer', { answerAfterMs: 300 });
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.clientMain, did: DIDS.direct });
    const card = await answeredCard(FIXTURE_NUMBERS.clientMain);

    const result = await redirecting.transfer(card, {
      id: 't2',
      callId: card.callId,
      target: 'manager',
    });
    expect(result).toMatchObject({ ok: true, to: ACCOUNT_MANAGER.extensions[0] });
    expect(result.reason).toBeUndefined();
    const invite = await manager.waitForInvite({ since: 0 });
    expect(invite.fromUser).toBe(FIXTURE_NUMBERS.clientMain);

    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({
      result: 'answered',
      transfer_target: 'manager',
      transferred_to: '103',
      transfer_ok: 1,
      client_code: WELL_KNOWN.clients.mainClient.code,
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

    const result = await helper.transferrer.transfer(card, {
      id: 't3',
      callId: card.callId,
      target: 'manager',
    });
    expect(result).toMatchObject({
      ok: false,
      to: ACCOUNT_MANAGER.extensions[0],
      reason: 'not-connected',
    });
    expect(result.message).toMatch(/no longer connected to extension 101/);
    expect(helper.transfers.at(-1)).toMatchObject({
      call: { callId: card.callId },
      state: { target: 'manager', ok: false, reason: 'not-connected' },
    });
    const row = await transferredRow(card.callId);
    expect(row).toMatchObject({ transfer_target: 'manager', transfer_ok: 0 });
    expect(row?.transfer_message).toMatch(/nothing was transferred/);
  });
});
