import type { Connection } from 'mysql2/promise';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/protocol';
import { connectAmi } from '../support/ami';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS, PICKUP_CODES } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import {
  attendedReferTo,
  blindReferTo,
  placeInboundCall,
  placePhoneCall,
  startPhone,
  stopSipp,
  type SippUas,
} from '../support/sip-peers';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import { waitForIdlePhones } from '../support/idle-phones';
import {
  JOURNAL_ACCOUNT,
  connectRoot,
  eventually,
  journalRows,
  migrateHarnessDatabase,
  type JournalRow,
} from '../support/journal/harness-journal';
import { startRealHelper, type RealHelper } from '../support/real-helper';

/**
 * Every way a call changes hands between the phones of two operators, each with the real
 * helper of their own workstation (101 and 102) on its per-seat AMI account writing the
 * journal: what the paired extension receives, and the rows in MariaDB.
 */

const CALLER = FIXTURE_NUMBERS.recipient;
const WAIT = { timeout: 30_000, interval: 100 };
/**
 * Rounds of the simultaneous-answer tests; more are played until the race happened once.
 * `npm run soak:answer-race` plays 40.
 */
const RACE_ROUNDS = Number(process.env.CT_RACE_ROUNDS ?? 4);
const MAX_RACE_ROUNDS = Math.max(RACE_ROUNDS, 12);

interface Operator {
  readonly extension: '101' | '102';
  readonly helper: RealHelper;
  readonly client: ExtensionClient;
}

let op101: Operator;
let op102: Operator;
let db: Connection;
let admin: RawAmiClient;

async function operator(extension: '101' | '102'): Promise<Operator> {
  // Each helper on its seat's own account: it receives only the events of its own phone.
  const helper = await startRealHelper({
    extensions: [extension],
    amiAccount: 'seat',
    journal: { enabled: true, user: JOURNAL_ACCOUNT.user, password: JOURNAL_ACCOUNT.password },
  });
  const client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
  return { extension, helper, client };
}

beforeAll(async () => {
  expect(await migrateHarnessDatabase()).toBe(0);
  db = await connectRoot();
  admin = await connectAmi('admin');
  [op101, op102] = await Promise.all([operator('101'), operator('102')]);
});

afterAll(async () => {
  await op101?.helper.stop();
  await op102?.helper.stop();
  await db?.end();
  await admin?.close();
});

let marks: Map<Operator, number>;

beforeEach(async () => {
  await waitForIdlePhones(['101', '102']);
  marks = new Map([op101, op102].map((op) => [op, op.client.calls().length]));
});

afterEach(stopSipp);

/** The call frames this operator's extension received since the test began. */
function frames(op: Operator): CallView[] {
  return op.client.calls().slice(marks.get(op) ?? 0);
}

/**
 * The frames as `state X`, the call ids named A, B… in order of appearance; repeats of the
 * same state (the identity arriving) count once; a view that moved reads `ended A → B`.
 */
function story(views: readonly CallView[]): string[] {
  const names = new Map<string, string>();
  const name = (id: string): string => {
    if (!names.has(id)) names.set(id, String.fromCharCode(65 + names.size));
    return names.get(id)!;
  };
  const lines: string[] = [];
  for (const view of views) {
    const moved = view.movedTo === undefined ? '' : ` → ${name(view.movedTo)}`;
    const line = `${view.state} ${name(view.callId)}${moved}`;
    if (line !== lines.at(-1)) lines.push(line);
  }
  return lines;
}

function last(op: Operator, callId: string, state: CallView['state']): CallView {
  const view = frames(op)
    .filter((v) => v.callId === callId && v.state === state)
    .at(-1);
  if (view === undefined) throw new Error(`${op.extension} got no ${state} frame of ${callId}`);
  return view;
}

/** Waits until the operator's frames have ended every call they show, `count` ends at least. */
async function settled(op: Operator, count = 1): Promise<void> {
  await expect
    .poll(() => {
      const views = frames(op);
      const ids = new Set(views.map((v) => v.callId));
      const ended = [...ids].filter((id) =>
        views.some((v) => v.callId === id && v.state === 'ended'),
      );
      return ended.length >= count && ended.length === ids.size ? 'settled' : story(views);
    }, WAIT)
    .toBe('settled');
}

async function rows(callId: string, count: number): Promise<JournalRow[]> {
  return eventually(
    () => journalRows(db, callId),
    (found) => found.length === count,
    `${count} journal row(s) of ${callId}`,
  );
}

/** The caller's identity as the card shows it: the recipient with the orders in work. */
function expectRecipient(view: CallView): void {
  expect(view.remote).toEqual({ raw: CALLER, e164: `+${CALLER}`, dbKey: CALLER });
  expect(view.lookup).toBe('done');
  expect(view.identity.deliveries.map((d) => d.orderNumber).sort()).toEqual(
    EXPECTED_LOOKUPS.recipient.shipments.map((s) => s.orderNumber).sort(),
  );
}

function seconds(from: string, to: string): number {
  return (Date.parse(`${to.replace(' ', 'T')}Z`) - Date.parse(`${from.replace(' ', 'T')}Z`)) / 1000;
}

describe('directed pickup', () => {
  it.each([
    ['FreePBX **101 on the [ext-local] route (PICKUPMARK)', DIDS.pickup, PICKUP_CODES.freepbx],
    [
      '*8101, Pickup() by extension, on the Local-channel route',
      DIDS.local,
      PICKUP_CODES.byExtension,
    ],
  ])(
    '%s: 102’s card becomes the caller’s call, 101’s ends answered elsewhere by 102',
    async (_path, did, code) => {
      await startPhone('101', 'ring');
      const call = await placeInboundCall({ from: CALLER, did, hangupAfterMs: 2_500 });
      await expect.poll(() => story(frames(op101)), WAIT).toEqual(['ringing A']);
      await delay(500);
      await placePhoneCall({ phone: '102', to: `${code}101` });
      await call.done;
      await settled(op101);
      await settled(op102, 2);

      const callId = frames(op101)[0]!.callId;
      expect(story(frames(op101))).toEqual(['ringing A', 'answered-elsewhere A', 'ended A']);
      expect(last(op101, callId, 'answered-elsewhere').answeredBy).toBe('102');
      expect(last(op101, callId, 'ended')).toMatchObject({
        result: 'answered-elsewhere',
        answeredBy: '102',
        talkSeconds: 0,
      });
      expect(last(op101, callId, 'ended').missed).toBe(false);

      expect(story(frames(op102))).toEqual(['dialling A', 'ended A → B', 'answered B', 'ended B']);
      const own = frames(op102)[0]!;
      expect(own.remote.raw).toBe(`${code}101`);
      const picked = last(op102, callId, 'answered');
      expect(picked).toMatchObject({
        direction: 'in',
        answeredBy: '102',
        startedAt: own.startedAt,
      });
      expectRecipient(picked);
      const talked = last(op102, callId, 'ended');
      expect(talked).toMatchObject({ result: 'answered', answeredBy: '102' });
      expect(talked.talkSeconds).toBeGreaterThanOrEqual(2);
      expect(talked.talkSeconds).toBeLessThanOrEqual(5);

      const [row101, row102] = await rows(callId, 2);
      expect(row101).toMatchObject({
        extension: '101',
        direction: 'in',
        result: 'answered-elsewhere',
        answered_by: '102',
        missed: 0,
        talk_seconds: 0,
        remote_db_key: CALLER,
      });
      expect(row102).toMatchObject({
        extension: '102',
        direction: 'in',
        result: 'answered',
        answered_by: '102',
        missed: 0,
        remote_db_key: CALLER,
      });
      expect(row102!.talk_seconds).toBe(talked.talkSeconds);
      expect(await journalRows(db, own.callId)).toEqual([]);
    },
  );
});

describe('transfers made on the phone (SIP REFER)', () => {
  async function answeredBy101(did: string, hangupAfterMs: number): Promise<SippUas> {
    const phone = await startPhone('101', 'transfer', { answerAfterMs: 300, hangupAfterMs: 3_000 });
    await placeInboundCall({ from: CALLER, did, hangupAfterMs });
    await expect.poll(() => story(frames(op101)), WAIT).toEqual(['ringing A', 'answered A']);
    return phone;
  }

  it('blind: 102 rings with the caller and identity; each operator’s talk is their own', async () => {
    await startPhone('102', 'answer', { answerAfterMs: 800 });
    const phone = await answeredBy101(DIDS.direct, 5_000);
    await delay(1_500);
    await phone.transfer(blindReferTo('102'));
    await settled(op101);
    await settled(op102);

    const callId = frames(op101)[0]!.callId;
    expect(story(frames(op101))).toEqual(['ringing A', 'answered A', 'ended A']);
    expect(story(frames(op102))).toEqual(['ringing A', 'answered A', 'ended A']);
    const ringing = last(op102, callId, 'ringing');
    expect(ringing.direction).toBe('in');
    expectRecipient(ringing);
    const first = last(op101, callId, 'ended');
    const second = last(op102, callId, 'ended');
    expect(ringing.startedAt).toBeGreaterThanOrEqual(first.endedAt! - 1_000);
    expect(first).toMatchObject({ result: 'answered', answeredBy: '101' });
    expect(second).toMatchObject({ result: 'answered', answeredBy: '102' });
    expect(first.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(first.talkSeconds).toBeLessThanOrEqual(3);
    expect(second.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(second.talkSeconds).toBeLessThanOrEqual(4);

    const [row101, row102] = await rows(callId, 2);
    expect(row101).toMatchObject({ result: 'answered', talk_seconds: first.talkSeconds });
    expect(row102).toMatchObject({
      result: 'answered',
      answered_by: '102',
      remote_db_key: CALLER,
      talk_seconds: second.talkSeconds,
    });
  });

  it('attended, with the consultation call: 102’s consultation ends, the caller’s call starts at the transfer', async () => {
    await startPhone('102', 'answer', { answerAfterMs: 500 });
    const phone = await answeredBy101(DIDS.direct, 6_500);
    await delay(1_000);
    const consultation = await placePhoneCall({ phone: '101', to: '102' });
    await expect.poll(() => story(frames(op102)), WAIT).toEqual(['ringing A', 'answered A']);
    await delay(1_500);
    await phone.transfer(attendedReferTo(consultation, '102'));
    await settled(op101, 2);
    await settled(op102, 2);

    const callerCall = frames(op101)[0]!.callId;
    const consultCall = frames(op102)[0]!.callId;
    expect(story(frames(op102))).toEqual([
      'ringing A',
      'answered A',
      'ended A',
      'answered B',
      'ended B',
    ]);
    expect(
      frames(op102).find((v) => v.state === 'answered' && v.callId === callerCall),
    ).toBeDefined();
    const consulted = last(op102, consultCall, 'ended');
    expect(consulted).toMatchObject({
      direction: 'internal',
      remote: { raw: '101' },
      result: 'answered',
    });
    expect(consulted.talkSeconds).toBeGreaterThanOrEqual(1);
    const transferred = frames(op102).find((v) => v.callId === callerCall)!;
    expect(transferred).toMatchObject({ state: 'answered', direction: 'in', answeredBy: '102' });
    expect(transferred.answeredAt).toBe(transferred.startedAt);
    expect(transferred.startedAt).toBeGreaterThanOrEqual(consulted.endedAt!);
    expectRecipient(last(op102, callerCall, 'answered'));
    const talked = last(op102, callerCall, 'ended');
    // The talk with the caller only: from the transfer to the caller's hang-up.
    expect(talked.talkSeconds).toBe(Math.round((talked.endedAt! - transferred.answeredAt!) / 1000));
    expect(talked.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(talked.talkSeconds).toBeLessThanOrEqual(5);

    // 101's two channels hang up together, in either order.
    const transferor = story(frames(op101));
    expect(transferor.slice(0, 4)).toEqual(['ringing A', 'answered A', 'dialling B', 'answered B']);
    expect(transferor.slice(4).sort()).toEqual(['ended A', 'ended B']);
    const [caller101, caller102] = await rows(callerCall, 2);
    expect(caller101).toMatchObject({ extension: '101', result: 'answered', direction: 'in' });
    expect(caller102).toMatchObject({
      extension: '102',
      result: 'answered',
      direction: 'in',
      remote_db_key: CALLER,
      talk_seconds: talked.talkSeconds,
    });
    expect(seconds(caller102!.started_at, caller102!.answered_at!)).toBe(0);
    const [consult101, consult102] = await rows(consultCall, 2);
    expect(consult101).toMatchObject({
      extension: '101',
      direction: 'internal',
      result: 'answered',
    });
    expect(consult102).toMatchObject({
      extension: '102',
      direction: 'internal',
      result: 'answered',
      talk_seconds: consulted.talkSeconds,
    });
  });
});

describe('two phones answering at once', () => {
  /** Both phones sent 200 OK for their INVITE: they answered in the same instant. */
  function bothAnsweredOnTheWire(phones: readonly SippUas[]): boolean {
    return phones.every((phone) =>
      phone
        .messages()
        .some(
          (m) =>
            m.direction === 'sent' &&
            m.startLine.startsWith('SIP/2.0 200') &&
            /INVITE$/.test(m.headers.cseq ?? ''),
        ),
    );
  }

  it.each([
    ['ring group', DIDS.ringGroup],
    ['queue', DIDS.queue],
  ])(
    '%s: one winner; the other card ends answered elsewhere by it; one answered row',
    async (path, did) => {
      const stats = { rounds: 0, onTheWire: 0, atThePbx: 0 };
      for (let round = 1; round <= MAX_RACE_ROUNDS; round++) {
        if (round > RACE_ROUNDS && (path === 'queue' ? stats.atThePbx : stats.onTheWire) > 0) break;
        if (round > 1) {
          await stopSipp();
          await waitForIdlePhones(['101', '102']);
          marks = new Map([op101, op102].map((op) => [op, op.client.calls().length]));
        }
        const since = admin.mark();
        const phones = [await startPhone('101', 'cue'), await startPhone('102', 'cue')];
        const call = await placeInboundCall({ from: CALLER, did, hangupAfterMs: 1_000 });
        await Promise.all(phones.map((phone) => phone.waitForInvite({ since: 0 })));
        await delay(200);
        await Promise.all(phones.map((phone) => phone.pickUp()));
        await call.done;
        await settled(op101);
        await settled(op102);

        stats.rounds += 1;
        if (bothAnsweredOnTheWire(phones)) stats.onTheWire += 1;
        const up = admin.events
          .slice(since)
          .filter(
            (e) =>
              e.Event === 'Newstate' &&
              e.ChannelStateDesc === 'Up' &&
              /^PJSIP\/10[12]-/.test(e.Channel ?? ''),
          );
        if (new Set(up.map((e) => e.Channel)).size === 2) stats.atThePbx += 1;

        const answered = [op101, op102].filter((op) =>
          frames(op).some((v) => v.state === 'answered'),
        );
        expect(
          answered.length,
          `round ${round}: one winner (101: ${story(frames(op101)).join(', ')}; 102: ${story(frames(op102)).join(', ')})`,
        ).toBe(1);
        const winner = answered[0]!;
        const loser = winner === op101 ? op102 : op101;
        const callId = frames(winner)[0]!.callId;
        expect(story(frames(winner))).toEqual(['ringing A', 'answered A', 'ended A']);
        expect(story(frames(loser))).toEqual(['ringing A', 'answered-elsewhere A', 'ended A']);
        for (const view of frames(loser).filter((v) => v.state !== 'ringing')) {
          expect(view.answeredBy).toBe(winner.extension);
        }
        expect(last(loser, callId, 'ended')).toMatchObject({
          result: 'answered-elsewhere',
          answeredBy: winner.extension,
          talkSeconds: 0,
        });
        expect(last(winner, callId, 'ended')).toMatchObject({
          result: 'answered',
          answeredBy: winner.extension,
        });
        const journaled = await rows(callId, 2);
        expect(journaled.map((r) => [r.extension, r.result, r.answered_by])).toEqual(
          [op101, op102].map((op) =>
            op === winner
              ? [op.extension, 'answered', op.extension]
              : [op.extension, 'answered-elsewhere', winner.extension],
          ),
        );
      }
      console.log(
        `${path}: both phones answered on the wire in ${stats.onTheWire}/${stats.rounds} rounds, ` +
          `both phone channels went Up at the PBX in ${stats.atThePbx}/${stats.rounds}`,
      );
      if (path === 'queue') expect(stats.atThePbx).toBeGreaterThanOrEqual(1);
      else expect(stats.onTheWire).toBeGreaterThanOrEqual(1);
    },
    MAX_RACE_ROUNDS * 15_000,
  );
});

describe('a phone that declines (486 after ringing)', () => {
  it.each([
    ['ring group', DIDS.ringGroup],
    ['queue', DIDS.queue],
  ])(
    '%s: 101’s card ends declined at once while 102 still rings; 102 answers',
    async (_path, did) => {
      await startPhone('101', 'decline', { answerAfterMs: 500 });
      await startPhone('102', 'answer', { answerAfterMs: 2_500 });
      const call = await placeInboundCall({ from: CALLER, did, hangupAfterMs: 1_000 });
      await expect.poll(() => story(frames(op101)), WAIT).toEqual(['ringing A', 'ended A']);
      // 102 still rings when 101's card has ended.
      expect(story(frames(op102))).toEqual(['ringing A']);
      await call.done;
      await settled(op102);

      const callId = frames(op101)[0]!.callId;
      const declined = last(op101, callId, 'ended');
      expect(declined).toMatchObject({ result: 'declined', talkSeconds: 0 });
      expect(declined.missed).toBe(false);
      expect(declined.answeredBy).toBeUndefined();
      expect(story(frames(op102))).toEqual(['ringing A', 'answered A', 'ended A']);
      expect(declined.endedAt!).toBeLessThan(last(op102, callId, 'answered').answeredAt!);

      const [row101, row102] = await rows(callId, 2);
      expect(row101).toMatchObject({
        result: 'declined',
        missed: 0,
        answered_at: null,
        answered_by: null,
        talk_seconds: 0,
      });
      expect(row102).toMatchObject({ result: 'answered', answered_by: '102' });
    },
  );

  it('a queue that rings 101 again after it declined keeps one card and one row: rung anew, answered', async () => {
    await startPhone('101', 'decline', { answerAfterMs: 400 });
    await startPhone('102', 'ring');
    await placeInboundCall({ from: CALLER, did: DIDS.queueRetry, ringTimeoutMs: 10_000 });
    await expect.poll(() => story(frames(op101)), WAIT).toEqual(['ringing A', 'ended A']);
    await startPhone('101', 'answer', { answerAfterMs: 400, hangupAfterMs: 1_000 });
    await expect
      .poll(() => story(frames(op101)), WAIT)
      .toEqual(['ringing A', 'ended A', 'ringing A', 'answered A', 'ended A']);

    const views = frames(op101);
    const callId = views[0]!.callId;
    expect(new Set(views.map((v) => v.callId))).toEqual(new Set([callId]));
    expect(new Set(views.map((v) => v.startedAt)).size).toBe(1);
    expect(views.find((v) => v.state === 'ended')).toMatchObject({ result: 'declined' });
    expect(views.at(-1)).toMatchObject({ result: 'answered', answeredBy: '101' });
    await settled(op102);
    expect(last(op102, callId, 'ended')).toMatchObject({
      result: 'answered-elsewhere',
      answeredBy: '101',
    });

    const [row101, row102] = await eventually(
      () => journalRows(db, callId),
      (found) => found.length === 2 && found[0]?.result === 'answered',
      'the rows of the queue call',
    );
    expect(row101).toMatchObject({ extension: '101', result: 'answered', answered_by: '101' });
    expect(Date.parse(`${row101!.started_at.replace(' ', 'T')}Z`)).toBe(views[0]!.startedAt);
    expect(row102).toMatchObject({ result: 'answered-elsewhere', answered_by: '101' });
  });
});
