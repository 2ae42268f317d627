import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DIDS } from '../../harness/pbx-plan';
import type { AmiMessage, RawAmiClient } from '../../harness/raw-ami';
import { connectAmi } from '../support/ami';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { waitForIdlePhones } from '../support/idle-phones';
import { RawAmiClient as Raw } from '../../harness/raw-ami';
import { placeInboundCall, placePhoneCall, startPhone, stopSipp } from '../support/sip-peers';

/**
 * The per-seat accounts `manager-conf --seats 101-103` printed in one run, on the real PBX:
 * each seat receives the events of its own phone's calls and nothing of the others' —
 * the recording's file name (matched by variable, one event per recorded call) aside.
 */

const SEATS = ['101', '102', '103'] as const;
const WAIT_MS = 30_000;
let seats: Record<string, RawAmiClient>;
let admin: RawAmiClient;

beforeAll(async () => {
  const { asterisk } = harnessInfo();
  admin = await connectAmi('admin');
  const entries = await Promise.all(
    SEATS.map(async (ext) => {
      const client = await Raw.connect({
        host: asterisk.amiHost,
        port: asterisk.amiPort,
        ...asterisk.accounts.seats[ext]!,
      });
      return [ext, client] as const;
    }),
  );
  seats = Object.fromEntries(entries);
});

afterAll(async () => {
  await Promise.all(Object.values(seats ?? {}).map((s) => s.close()));
  await admin?.close();
});

afterEach(stopSipp);

/** Every channel an event names, in any of its `…Channel` headers. */
function channelsOf(event: AmiMessage): string[] {
  return Object.entries(event)
    .filter(([key]) => key.endsWith('Channel'))
    .map(([, value]) => value);
}

function ofSeat(ext: string): (channel: string) => boolean {
  return (channel) => channel.startsWith(`PJSIP/${ext}-`) || channel.startsWith(`Local/${ext}@`);
}

it('a ring group call to 101 and 102 reaches their seats only, each naming its own phone', async () => {
  await waitForIdlePhones(['101', '102', '103']);
  const marks = Object.fromEntries(SEATS.map((ext) => [ext, seats[ext]!.mark()]));
  const adminMark = admin.mark();
  await startPhone('101', 'answer', { answerAfterMs: 600 });
  await startPhone('102', 'ring');
  const call = await placeInboundCall({
    from: FIXTURE_NUMBERS.recipient,
    did: DIDS.ringGroup,
    hangupAfterMs: 1_500,
  });
  await call.done;
  const trunk = await admin.waitForEvent(
    { Event: 'Hangup', Channel: /^PJSIP\/trunk-/ },
    { since: adminMark, timeoutMs: WAIT_MS },
  );
  await seats['101']!.waitForEvent(
    { Event: 'Hangup', Channel: /^PJSIP\/101-/ },
    { since: marks['101'], timeoutMs: WAIT_MS },
  );
  const got = (ext: string) => seats[ext]!.events.slice(marks[ext]);
  for (const ext of ['101', '102']) {
    const events = got(ext).filter((e) => e.Event !== 'VarSet');
    expect(events.length, ext).toBeGreaterThan(3);
    for (const event of events)
      expect(channelsOf(event).some(ofSeat(ext)), JSON.stringify(event)).toBe(true);
    expect(events.find((e) => e.Event === 'DialBegin')).toMatchObject({
      CallerIDNum: FIXTURE_NUMBERS.recipient,
      DestChannel: expect.stringMatching(new RegExp(`^PJSIP/${ext}-`)),
      Linkedid: trunk.Linkedid,
    });
  }
  // 102 lost: its own DialEnd names the phone that took the call.
  expect(got('102').find((e) => e.Event === 'DialEnd')).toMatchObject({
    DialStatus: 'CANCEL',
    ConnectedLineNum: '101',
  });
  expect(got('103').filter((e) => e.Event !== 'VarSet')).toEqual([]);
  expect(got('103').filter((e) => e.Linkedid === trunk.Linkedid).length).toBeLessThanOrEqual(1);
});

it('a call from 101 to 103 reaches seats 101 and 103, not 102', async () => {
  await waitForIdlePhones(['101', '102', '103']);
  const marks = Object.fromEntries(SEATS.map((ext) => [ext, seats[ext]!.mark()]));
  await startPhone('103', 'answer', { answerAfterMs: 300, hangupAfterMs: 800 });
  const call = await placePhoneCall({ phone: '101', to: '103' });
  await call.done;
  await seats['103']!.waitForEvent(
    { Event: 'Hangup', Channel: /^PJSIP\/103-/ },
    { since: marks['103'], timeoutMs: WAIT_MS },
  );
  expect(
    seats['101']!.filter({ Event: 'DialBegin', DestChannel: /^PJSIP\/103-/ }, marks['101']),
  ).toHaveLength(1);
  expect(seats['102']!.events.slice(marks['102']).filter((e) => e.Event !== 'VarSet')).toEqual([]);
});
