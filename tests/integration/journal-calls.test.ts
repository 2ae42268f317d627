import type { Connection } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, DialOutcome } from '../../shared/protocol';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { eventually, journalRows, type JournalRow } from '../support/journal/harness-journal';
import {
  startJournalLiveSetup,
  type JournalLiveSetup,
} from '../support/journal/journal-live-setup';
import type { LiveHelper } from '../support/journal/live-helper';

/** This operator's phone is 101; 102 belongs to a colleague in the same ring group. */
const EXTENSIONS = ['101'];
const RECIPIENT = FIXTURE_NUMBERS.recipient;

let helper: LiveHelper;
let db: Connection;
let setup: JournalLiveSetup | undefined;

beforeAll(async () => {
  setup = await startJournalLiveSetup({ extensions: EXTENSIONS });
  ({ helper, db } = setup);
});

afterEach(stopSipp);

afterAll(() => setup?.stop());

/** The ended view of 101 for the next call that reaches it after `since` views. */
function endedOn101(since: number): Promise<CallView> {
  return eventually(
    () => helper.views.slice(since).find((v) => v.extension === '101' && v.state === 'ended'),
    (view) => view !== undefined,
    'the call to end on 101',
  ) as Promise<CallView>;
}

async function journaled(callId: string, count = 1): Promise<JournalRow[]> {
  return eventually(
    () => journalRows(db, callId),
    (rows) => rows.length === count,
    `${count} journal row(s) of ${callId}`,
  );
}

function seconds(from: string, to: string): number {
  return (Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`)) / 1000;
}

describe('journal rows after real calls', () => {
  it('an answered inbound call, with the orders of the caller', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 500 });
    const since = helper.views.length;
    const call = await placeInboundCall({
      from: RECIPIENT,
      did: DIDS.direct,
      hangupAfterMs: 2_500,
    });
    await call.done;
    const view = await endedOn101(since);
    const [row] = await journaled(view.callId);
    expect(row).toMatchObject({
      extension: '101',
      direction: 'in',
      origin: 'pbx',
      remote_db_key: RECIPIENT,
      remote_e164: `+${RECIPIENT}`,
      result: 'answered',
      missed: 0,
      answered_by: '101',
      recovered: 0,
    });
    expect(row?.answered_at).not.toBeNull();
    expect(row?.talk_seconds).toBeGreaterThanOrEqual(2);
    expect(row?.talk_seconds).toBeLessThanOrEqual(5);
    expect(seconds(row!.started_at, row!.answered_at!)).toBeGreaterThanOrEqual(0.3);
    const [orders] = await db.query(
      'SELECT o.order_code, o.address_code, o.courier_code FROM call_journal_orders o ' +
        'JOIN zakaz z ON z.code = o.order_code WHERE o.journal_id = ? ORDER BY o.order_code',
      [row?.id],
    );
    const { orders: known, deliveries, couriers } = WELL_KNOWN;
    expect(orders).toEqual([
      {
        order_code: known.orderA.code,
        address_code: deliveries.deliveryA.code,
        courier_code: couriers.courierWithManager.code,
      },
      {
        order_code: known.orderB.code,
        address_code: deliveries.deliveryB.code,
        courier_code: couriers.secondHolder.code,
      },
    ]);
  });

  it('an inbound call nobody answers is missed', async () => {
    await startPhone('101', 'ring');
    const since = helper.views.length;
    const call = await placeInboundCall({
      from: FIXTURE_NUMBERS.clientMain,
      did: DIDS.direct,
      ringTimeoutMs: 2_000,
    });
    await call.done;
    const view = await endedOn101(since);
    const [row] = await journaled(view.callId);
    expect(row).toMatchObject({
      direction: 'in',
      result: 'no-answer',
      missed: 1,
      answered_at: null,
      talk_seconds: 0,
      client_code: WELL_KNOWN.clients.mainClient.code,
    });
  });

  it('an inbound call while the operator is busy', async () => {
    await startPhone('101', 'busy');
    const since = helper.views.length;
    const call = await placeInboundCall({ from: RECIPIENT, did: DIDS.direct });
    await call.done;
    const view = await endedOn101(since);
    const [row] = await journaled(view.callId);
    expect(row).toMatchObject({ result: 'busy', missed: 1, answered_at: null, talk_seconds: 0 });
  });

  it('a ring group call answered by the colleague on 102', async () => {
    await startPhone('101', 'ring');
    await startPhone('102', 'answer', { answerAfterMs: 500, hangupAfterMs: 1_500 });
    const since = helper.views.length;
    const call = await placeInboundCall({ from: RECIPIENT, did: DIDS.ringGroup });
    await call.done;
    const view = await endedOn101(since);
    const rows = await journaled(view.callId);
    expect(rows.map((r) => r.extension)).toEqual(['101']);
    expect(rows[0]).toMatchObject({
      result: 'answered-elsewhere',
      answered_by: '102',
      missed: 0,
      talk_seconds: 0,
    });
  });

  async function clickToCall(): Promise<DialOutcome | undefined> {
    let outcome: DialOutcome | undefined;
    await helper.clickToCall.dial(
      { number: '8 (916) 765-43-21', extension: '101', requestId: 'journal-test' },
      (update) => {
        if (update.type === 'dial.result') outcome = update.outcome;
      },
      AbortSignal.timeout(60_000),
    );
    return outcome;
  }

  it('a click-to-call answered by the far end', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300, hangupAfterMs: 2_000 });
    const since = helper.views.length;
    expect(await clickToCall()).toBe('connected');
    const view = await endedOn101(since);
    const [row] = await journaled(view.callId);
    expect(farEnd.lastInvite()?.dialled).toBe('+79167654321');
    expect(row).toMatchObject({
      direction: 'out',
      origin: 'click-to-call',
      remote_db_key: '79167654321',
      result: 'answered',
      missed: 0,
      recovered: 0,
    });
    expect(row?.talk_seconds).toBeGreaterThanOrEqual(1);
    expect(row?.talk_seconds).toBeLessThanOrEqual(4);
  });

  it('a click-to-call the far end does not answer before the operator gives up', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300, hangupAfterMs: 2_500 });
    await startFarEnd('ring');
    const since = helper.views.length;
    await clickToCall();
    const view = await endedOn101(since);
    const [row] = await journaled(view.callId);
    expect(row).toMatchObject({
      direction: 'out',
      origin: 'click-to-call',
      answered_at: null,
      talk_seconds: 0,
      missed: 0,
    });
    // The operator hung up while the far end was still ringing.
    expect(row?.result).toBe('cancelled');
  });

  it("a click-to-call the operator's own phone never picks up", async () => {
    await startPhone('101', 'ring');
    const farEnd = await startFarEnd('answer');
    const since = helper.views.length;
    await clickToCall();
    const view = await endedOn101(since);
    const [row] = await journaled(view.callId);
    expect(row).toMatchObject({
      direction: 'out',
      origin: 'click-to-call',
      result: 'no-answer',
      answered_at: null,
      talk_seconds: 0,
      missed: 0,
    });
    expect(farEnd.invites()).toEqual([]);
  });

  it('lists the calls in the popup journal, missed ones on request, searched by digits', async () => {
    const all = await helper.journal.reader.query({ id: 'q', limit: 50 });
    expect(all.entries.length).toBeGreaterThanOrEqual(7);
    expect(all.entries.every((c) => c.extension === '101' && c.state === 'ended')).toBe(true);
    const missed = await helper.journal.reader.query({ id: 'q', missedOnly: true });
    expect(missed.entries.map((c) => c.result).sort()).toEqual(['busy', 'no-answer']);
    const found = await helper.journal.reader.query({ id: 'q', search: '8 (916) 765-43-21' });
    expect(found.entries.length).toBe(3);
    expect(found.entries.every((c) => c.origin === 'click-to-call')).toBe(true);
  });
});
