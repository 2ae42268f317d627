import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/protocol';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import { waitForIdlePhones } from '../support/idle-phones';
import { startRealHelper, type RealHelper } from '../support/real-helper';

const WAIT = { timeout: 20_000, interval: 100 };

let helper: RealHelper;
let client: ExtensionClient;

beforeAll(async () => {
  helper = await startRealHelper({ extensions: ['101', '102'] });
  client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
});

afterEach(stopSipp);
afterAll(() => helper?.stop());

function callsFrom(dbKey: string, since: number): CallView[] {
  return client.calls().filter((c) => c.remote.dbKey === dbKey && c.startedAt >= since - 1000);
}

describe('incoming calls through the real helper', () => {
  it('a seeded recipient rings 101: one ringing event, identity with orders and holding couriers, then answered and ended', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 1500 });
    const since = Date.now();
    const call = await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.direct,
      hangupAfterMs: 2500,
    });
    await expect
      .poll(
        () => callsFrom(FIXTURE_NUMBERS.recipient, since).some((c) => c.state === 'ended'),
        WAIT,
      )
      .toBe(true);
    await call.done;
    const views = callsFrom(FIXTURE_NUMBERS.recipient, since).filter((c) => c.extension === '101');
    // One ringing event: its view is re-sent once when the lookup answers, unless the
    // caller was already known when the phone rang (looked up as the call came in).
    const ringing = views.filter((c) => c.state === 'ringing');
    expect(new Set(ringing.map((c) => c.callId)).size).toBe(1);
    expect(ringing.filter((c) => c.lookup !== 'done').length).toBeLessThanOrEqual(1);
    expect(ringing.length).toBeLessThanOrEqual(2);
    expect(ringing[0]?.remote.e164).toBe(`+${FIXTURE_NUMBERS.recipient}`);
    expect(ringing[0]?.direction).toBe('in');
    const identified = views.find((c) => c.lookup === 'done');
    expect(identified).toBeDefined();
    const expected = EXPECTED_LOOKUPS.recipient;
    expect(identified?.identity.deliveries.map((d) => d.orderNumber).sort()).toEqual(
      expected.shipments.map((s) => s.orderNumber).sort(),
    );
    expect(identified?.identity.deliveries.map((d) => d.courier?.name).sort()).toEqual(
      expected.recipientCouriers.map((c) => c.name).sort(),
    );
    expect(identified?.identity.deliveries[0]?.url).toMatch(/^https:\/\/cabinet\.test\/orders\//);
    expect(views.some((c) => c.state === 'answered')).toBe(true);
    const ended = views.find((c) => c.state === 'ended');
    expect(ended?.result).toBe('answered');
    expect(ended?.talkSeconds).toBeGreaterThanOrEqual(1);
    expect(ended?.answeredBy).toBe('101');
  });

  it('a client contact person shows client, contact and account manager', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 500 });
    const since = Date.now();
    await placeInboundCall({
      from: FIXTURE_NUMBERS.contactPerson,
      did: DIDS.direct,
      hangupAfterMs: 500,
    });
    await expect
      .poll(
        () => callsFrom(FIXTURE_NUMBERS.contactPerson, since).find((c) => c.lookup === 'done'),
        WAIT,
      )
      .toBeDefined();
    const view = callsFrom(FIXTURE_NUMBERS.contactPerson, since).find((c) => c.lookup === 'done');
    const client0 = view?.identity.clients[0];
    expect(client0?.company).toBe(WELL_KNOWN.clients.mainClient.company);
    expect(client0?.contact?.name).toBe(WELL_KNOWN.contactPersons.contactPerson.name);
    expect(client0?.manager?.extensions).toEqual(['103']);
  });

  it.each([
    ['ring group', DIDS.ringGroup],
    ['queue', DIDS.queue],
  ])(
    'via the %s: exactly one ringing per operator extension; answered by 102 → 101 answered elsewhere',
    async (_path, did) => {
      await waitForIdlePhones(['101', '102']);
      await startPhone('101', 'ring');
      await startPhone('102', 'answer', { answerAfterMs: 2000 });
      const since = Date.now();
      await placeInboundCall({ from: FIXTURE_NUMBERS.unknown, did, hangupAfterMs: 1500 });
      const summary = () =>
        JSON.stringify(
          callsFrom(FIXTURE_NUMBERS.unknown, since).map((c) => [
            c.callId,
            c.extension,
            c.state,
            c.result,
          ]),
        );
      await expect
        .poll(
          () =>
            ['101', '102'].every((ext) =>
              callsFrom(FIXTURE_NUMBERS.unknown, since).some(
                (c) => c.extension === ext && c.state === 'ended',
              ),
            ) || summary(),
          WAIT,
        )
        .toBe(true);
      const views = callsFrom(FIXTURE_NUMBERS.unknown, since);
      for (const ext of ['101', '102']) {
        const ringingIds = new Set(
          views.filter((c) => c.extension === ext && c.state === 'ringing').map((c) => c.callId),
        );
        expect(ringingIds.size).toBe(1);
      }
      const ended101 = views.find((c) => c.extension === '101' && c.state === 'ended');
      expect(ended101?.result).toBe('answered-elsewhere');
      expect(views.some((c) => c.extension === '101' && c.state === 'answered-elsewhere')).toBe(
        true,
      );
      expect(views.find((c) => c.extension === '102' && c.state === 'ended')?.result).toBe(
        'answered',
      );
    },
  );

  it('an unknown number gets a card with the number only', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const since = Date.now();
    await placeInboundCall({ from: FIXTURE_NUMBERS.unknown, did: DIDS.direct, hangupAfterMs: 300 });
    await expect
      .poll(() => callsFrom(FIXTURE_NUMBERS.unknown, since).find((c) => c.lookup === 'done'), WAIT)
      .toBeDefined();
    const view = callsFrom(FIXTURE_NUMBERS.unknown, since).find((c) => c.lookup === 'done');
    expect(view?.identity).toEqual({ clients: [], couriers: [], deliveries: [] });
  });
});
