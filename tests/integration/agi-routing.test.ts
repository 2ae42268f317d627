import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAmi } from '../support/ami';
import { ACCOUNT_MANAGER, FIXTURE_NUMBERS, OPERATOR, WELL_KNOWN } from '../support/fixtures';
import type { RawAmiClient } from '../../harness/raw-ami';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import {
  COMPANY_DID,
  setDialplanGlobals,
  startTestPbxService,
  type TestPbxService,
} from '../support/integration/pbx-service-fixture';
import { expectNoPersonalData } from '../support/integration/personal-data';

const { courierWithManager, secondHolder } = WELL_KNOWN.couriers;
const mobile = (digits: string | null): string => `+${digits}`;

let pbx: TestPbxService;
let ami: RawAmiClient;
let since: number;

beforeAll(async () => {
  pbx = await startTestPbxService();
  ami = await connectAmi('admin');
  since = ami.mark();
});

afterEach(async () => {
  await stopSipp();
  await setDialplanGlobals({ CT_RING_SECONDS: '20' });
});

afterAll(async () => {
  await ami?.close();
  await pbx?.close();
});

async function routedCall(from: string): Promise<Awaited<ReturnType<typeof placeInboundCall>>> {
  return placeInboundCall({ from, did: COMPANY_DID });
}

describe('a recipient calling the company number', () => {
  it('rings the courier holding the parcel handed over last, on his mobile through the trunk', async () => {
    const farEnd = await startFarEnd('ring');
    const call = await routedCall(FIXTURE_NUMBERS.recipient);
    const invite = await farEnd.waitForInvite({ since: 0 });
    expect(invite.dialled).toBe(mobile(secondHolder.phonem));
    expect(invite.fromUser).toBe(FIXTURE_NUMBERS.recipient);
    expect(pbx.routed.at(-1)?.decision).toEqual({
      kind: 'courier',
      reason: 'parcel-holder',
      target: mobile(secondHolder.phonem),
      fallback: [mobile(courierWithManager.phonem)],
      parcel: { orderCode: '2', addressCode: '2', courierCode: String(secondHolder.code) },
    });
    await call.hangup();
  });

  it('tries the other holder when the first does not answer, then the operators', async () => {
    await setDialplanGlobals({ CT_RING_SECONDS: '2' });
    const journaled = pbx.journaled.length;
    const farEnd = await startFarEnd('ring');
    // Both queue members' phones run: an INVITE to a phone that is not running is
    // retransmitted for 32 s after the call ends, into the phones later tests start.
    const phone101 = await startPhone('101', 'ring');
    await startPhone('102', 'ring');
    const call = await routedCall(FIXTURE_NUMBERS.recipient);
    const first = await farEnd.waitForInvite({ since: 0 });
    const second = await farEnd.waitForInvite({ since: 1 });
    expect([first.dialled, second.dialled]).toEqual([
      mobile(secondHolder.phonem),
      mobile(courierWithManager.phonem),
    ]);
    await phone101.waitForInvite({ since: 0, fromUser: FIXTURE_NUMBERS.recipient });
    // The courier call ended unanswered when the operators' part began.
    expect(pbx.journaled.slice(journaled)).toEqual([
      expect.objectContaining({
        result: 'no-answer',
        missed: true,
        extension: courierWithManager.phonem,
        orders: [
          { orderCode: '1', addressCode: '1', courierCode: String(courierWithManager.code) },
        ],
      }),
    ]);
    await call.hangup();
  });

  it('is journaled with the order once the courier hung up', async () => {
    const before = pbx.journaled.length;
    await startFarEnd('answer', { answerAfterMs: 200, hangupAfterMs: 500 });
    const call = await routedCall(FIXTURE_NUMBERS.recipient);
    expect(await call.done).toMatchObject({ answered: true });
    await expect.poll(() => pbx.journaled.length, { timeout: 15_000 }).toBe(before + 1);
    expect(pbx.journaled.at(-1)).toMatchObject({
      direction: 'in',
      origin: 'pbx',
      extension: secondHolder.phonem,
      remote: { dbKey: FIXTURE_NUMBERS.recipient },
      courierCode: String(secondHolder.code),
      orders: [{ orderCode: '2', addressCode: '2', courierCode: String(secondHolder.code) }],
      result: 'answered',
      answeredBy: mobile(secondHolder.phonem),
    });
  });
});

describe('staff and clients calling the company number', () => {
  it("rings a courier's manager on his extensions", async () => {
    const phones = [await startPhone('101', 'ring'), await startPhone('102', 'ring')];
    const mark = ami.mark();
    const call = await routedCall(FIXTURE_NUMBERS.courierMobile);
    for (const phone of phones) {
      await phone.waitForInvite({ since: 0, fromUser: FIXTURE_NUMBERS.courierMobile });
    }
    // Straight to the manager's extensions, not through the operators' queue.
    await ami.waitForEvent(
      { Event: 'DialBegin', DestChannel: /^Local\/101@from-internal-/ },
      { since: mark },
    );
    expect(pbx.routed.at(-1)?.decision).toEqual({
      kind: 'manager',
      reason: 'courier-manager',
      extensions: OPERATOR.extensions,
    });
    await call.hangup();
  });

  it.each([
    ['a client', FIXTURE_NUMBERS.clientMain, 'client-manager'],
    ['a contact person', FIXTURE_NUMBERS.contactPerson, 'contact-manager'],
  ])('rings the account manager for %s', async (_who, number, reason) => {
    const phone = await startPhone('103', 'ring');
    const call = await routedCall(number);
    await phone.waitForInvite({ since: 0, fromUser: number });
    expect(pbx.routed.at(-1)?.decision).toEqual({
      kind: 'account-manager',
      reason,
      extensions: ACCOUNT_MANAGER.extensions,
    });
    await call.hangup();
  });

  it('sends an unknown caller to the operators', async () => {
    const phones = [await startPhone('101', 'ring'), await startPhone('102', 'ring')];
    const mark = ami.mark();
    const call = await routedCall(FIXTURE_NUMBERS.unknown);
    for (const phone of phones) {
      await phone.waitForInvite({ since: 0, fromUser: FIXTURE_NUMBERS.unknown });
    }
    await ami.waitForEvent(
      { Event: 'DialBegin', DestChannel: /^Local\/101@from-queue-/ },
      { since: mark },
    );
    expect(pbx.routed.at(-1)?.decision).toEqual({ kind: 'operators', reason: 'unknown-caller' });
    await call.hangup();
  });
});

describe('what the PBX was told', () => {
  it('holds numbers, codes and fixed words only: no name, company or address', () => {
    // Every variable set on every channel of the calls above.
    expectNoPersonalData(ami.events.slice(since));
  });
});
