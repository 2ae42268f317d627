import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AmiClient } from '../../helper/ami/client';
import { amiChannelExists, startCallProber } from '../../helper/workstation/calls/call-prober';
import { CallTracker } from '../../helper/workstation/calls/tracker';
import type { CallUpdate } from '../../helper/workstation/calls/types';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { DIDS, type DialplanPath } from '../../harness/pbx-plan';
import { waitForIdlePhones } from '../support/idle-phones';
import {
  placeInboundCall,
  placePhoneCall,
  startFarEnd,
  startPhone,
  stopSipp,
} from '../support/sip-peers';

const CALLER = FIXTURE_NUMBERS.recipient;
const CALLER_PARTY = { raw: CALLER, e164: `+${CALLER}`, dbKey: CALLER };
const WAIT = { timeout: 30_000, interval: 100 };

/**
 * The product AMI client feeding one tracker per operator set-up, with the prober the helper
 * runs beside it: on the seat's own per-seat account for one extension, on the office-wide
 * `helper` account for several.
 */
interface Session {
  readonly updates: CallUpdate[];
  close(): Promise<void>;
}

async function follow(extensions: readonly string[]): Promise<Session> {
  const { asterisk } = harnessInfo();
  const controller = new AbortController();
  const ami = new AmiClient({
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    ...(extensions.length === 1
      ? asterisk.accounts.seats[extensions[0]!]!
      : asterisk.accounts.helper),
    signal: controller.signal,
  });
  const tracker = new CallTracker({ extensions });
  const updates: CallUpdate[] = [];
  ami.on('event', (frame) => updates.push(...tracker.handle(frame)), { signal: controller.signal });
  startCallProber(
    tracker,
    amiChannelExists(ami),
    (found) => updates.push(...found),
    controller.signal,
  );
  await ami.start();
  return {
    updates,
    close: async () => {
      await ami.close();
      controller.abort();
    },
  };
}

/**
 * Updates of the first call of `extension` that started after `mark` updates (late updates
 * of an earlier call, such as its end, are skipped: a call starts ringing or dialling).
 */
function callOf(session: Session, mark: number, extension: string): CallUpdate[] {
  const fresh = session.updates.slice(mark);
  const first = fresh.find(
    (u) => u.view.extension === extension && (u.change === 'ringing' || u.change === 'dialling'),
  );
  if (first === undefined) return [];
  return fresh.filter((u) => u.view.callId === first.view.callId && u.view.extension === extension);
}

/** The states a view went through; a repeat (the same state with more detail) counts once. */
function changes(updates: readonly CallUpdate[]): string[] {
  return updates.map((u) => u.change).filter((change, i, all) => change !== all[i - 1]);
}

async function ended(session: Session, mark: number, extension: string): Promise<CallUpdate[]> {
  await vi.waitFor(
    () => expect(changes(callOf(session, mark, extension))).toContain('ended'),
    WAIT,
  );
  return callOf(session, mark, extension);
}

let operator101: Session;
let operatorBoth: Session;

beforeAll(async () => {
  operator101 = await follow(['101']);
  operatorBoth = await follow(['101', '102']);
});

afterEach(stopSipp);

afterAll(async () => {
  await operator101?.close();
  await operatorBoth?.close();
});

const PATHS: readonly DialplanPath[] = ['direct', 'ringGroup', 'queue', 'local'];

describe.each(PATHS)('inbound call through the %s route', (path) => {
  it('101 answers: exactly one ringing with the caller normalized, then answered and ended', async () => {
    const mark = operator101.updates.length;
    await startPhone('101', 'answer', { answerAfterMs: 800 });
    await startPhone('102', 'ring');
    const call = await placeInboundCall({ from: CALLER, did: DIDS[path], hangupAfterMs: 2_000 });
    await call.done;

    const updates = await ended(operator101, mark, '101');
    expect(changes(updates)).toEqual(['ringing', 'answered', 'ended']);
    expect(updates[0]!.view).toMatchObject({
      direction: 'in',
      origin: 'pbx',
      remote: CALLER_PARTY,
    });
    const record = updates[2]!.record!;
    expect(record).toMatchObject({ result: 'answered', answeredBy: '101', missed: false });
    expect(record.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(record.talkSeconds).toBeLessThanOrEqual(6);
  });
});

describe.each(['ringGroup', 'queue'] as const)('%s answered by 102', (path) => {
  it('101 gets one ringing, then answered elsewhere', async () => {
    await waitForIdlePhones(['101', '102']);
    const mark = operator101.updates.length;
    const bothMark = operatorBoth.updates.length;
    await startPhone('101', 'ring');
    await startPhone('102', 'answer', { answerAfterMs: 800 });
    const call = await placeInboundCall({ from: CALLER, did: DIDS[path], hangupAfterMs: 1_500 });
    await call.done;

    const updates = await ended(operator101, mark, '101');
    expect(changes(updates)).toEqual(['ringing', 'answered-elsewhere', 'ended']);
    const elsewhere = updates.filter((u) => u.change === 'answered-elsewhere');
    expect(elsewhere.at(-1)!.view.answeredBy).toBe('102');
    expect(updates.at(-1)!.record).toMatchObject({
      result: 'answered-elsewhere',
      answeredBy: '102',
      missed: false,
    });

    const mine = await ended(operatorBoth, bothMark, '102');
    expect(changes(mine)).toEqual(['ringing', 'answered', 'ended']);
    expect(changes(callOf(operatorBoth, bothMark, '101'))).toEqual([
      'ringing',
      'answered-elsewhere',
      'ended',
    ]);
  });
});

describe('unanswered and busy', () => {
  it('the caller gives up while 101 rings: a missed call', async () => {
    const mark = operator101.updates.length;
    await startPhone('101', 'ring');
    const call = await placeInboundCall({ from: CALLER, did: DIDS.direct, ringTimeoutMs: 2_000 });
    await call.done;
    const updates = await ended(operator101, mark, '101');
    expect(changes(updates)).toEqual(['ringing', 'ended']);
    expect(updates[1]!.record).toMatchObject({ result: 'no-answer', missed: true, talkSeconds: 0 });
  });

  it('101 is busy', async () => {
    const mark = operator101.updates.length;
    await startPhone('101', 'busy');
    const call = await placeInboundCall({ from: CALLER, did: DIDS.direct });
    await call.done;
    const updates = await ended(operator101, mark, '101');
    expect(changes(updates)).toEqual(['ringing', 'ended']);
    expect(updates[1]!.record).toMatchObject({ result: 'busy', missed: true });
  });
});

describe('an operator with extensions 101 and 102', () => {
  it('gets the card of an internal call to 102', async () => {
    const mark = operatorBoth.updates.length;
    await startPhone('102', 'answer', { answerAfterMs: 500 });
    const call = await placePhoneCall({ phone: '103', to: '102', hangupAfterMs: 1_000 });
    await call.done;
    const updates = await ended(operatorBoth, mark, '102');
    expect(changes(updates)).toEqual(['ringing', 'answered', 'ended']);
    expect(updates[0]!.view).toMatchObject({ direction: 'internal', remote: { raw: '103' } });
  });

  it('sees a call dialled from 101 as outgoing', async () => {
    const mark = operatorBoth.updates.length;
    await startFarEnd('answer', { answerAfterMs: 300 });
    const call = await placePhoneCall({ phone: '101', to: `+${CALLER}`, hangupAfterMs: 1_000 });
    await call.done;
    const updates = await ended(operatorBoth, mark, '101');
    expect(changes(updates)).toEqual(['dialling', 'answered', 'ended']);
    expect(updates[0]!.view).toMatchObject({ direction: 'out', remote: { e164: `+${CALLER}` } });
    expect(updates.at(-1)!.record).toMatchObject({ result: 'answered' });
  });
});
