import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/protocol';
import { harnessFaults } from '../support/fault-control';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import { startRealHelper, type RealHelper } from '../support/real-helper';

const WAIT = { timeout: 30_000, interval: 100 };

let helper: RealHelper;
let client: ExtensionClient;

type StatusMessage = Extract<ServerMessage, { type: 'status' }>;
const isStatus = (m: ServerMessage): m is StatusMessage => m.type === 'status';

beforeAll(async () => {
  helper = await startRealHelper({ extensions: ['101'], amiProxy: true });
  client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
});

afterEach(async () => {
  await stopSipp();
  await helper.amiProxy?.restore();
});
afterAll(() => helper?.stop());

function ringingFrom(dbKey: string, since: number) {
  return client
    .calls()
    .filter(
      (c) => c.remote.dbKey === dbKey && c.startedAt >= since - 1000 && c.state === 'ringing',
    );
}

function endedFrom(dbKey: string, since: number) {
  return client
    .calls()
    .find((c) => c.remote.dbKey === dbKey && c.state === 'ended' && c.startedAt >= since - 1000);
}

describe('faults', () => {
  it('a call that begins while the AMI link is down and still rings after reconnect gets its card and its end', async () => {
    await startPhone('101', 'ring');
    await helper.amiProxy?.cut();
    await client.waitForStatus((s) => s.pbx.state === 'down');
    const since = Date.now();
    const call = await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.direct,
      ringTimeoutMs: 12_000,
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(ringingFrom(FIXTURE_NUMBERS.recipient, since)).toHaveLength(0);
    await helper.amiProxy?.restore();
    await expect
      .poll(() => ringingFrom(FIXTURE_NUMBERS.recipient, since).length, WAIT)
      .toBeGreaterThan(0);
    await call.done.catch(() => undefined);
    await expect.poll(() => endedFrom(FIXTURE_NUMBERS.recipient, since), WAIT).toBeDefined();
  }, 60_000);

  it('a call answered and ended while the AMI link is down ends after reconnect without a result it did not see', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 3_000, hangupAfterMs: 1_000 });
    const since = Date.now();
    const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    await expect
      .poll(() => ringingFrom(FIXTURE_NUMBERS.recipient, since).length, WAIT)
      .toBeGreaterThan(0);
    await helper.amiProxy?.cut();
    expect((await call.done).answered).toBe(true);
    await helper.amiProxy?.restore();
    await expect
      .poll(() => endedFrom(FIXTURE_NUMBERS.recipient, since), WAIT)
      .toMatchObject({ endUnseen: true });
  }, 60_000);

  it('Asterisk restarted: the helper reconnects by itself and the next call gets its card', async () => {
    const before = client.received.length;
    await harnessFaults.restartAsterisk();
    await expect
      .poll(
        () =>
          client.received
            .slice(before)
            .filter(isStatus)
            .some((m) => m.status.pbx.state === 'down'),
        WAIT,
      )
      .toBe(true);
    await client.waitForStatus((s) => s.pbx.state === 'connected');
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    const since = Date.now();
    await placeInboundCall({
      from: FIXTURE_NUMBERS.courierMobile,
      did: DIDS.direct,
      hangupAfterMs: 300,
    });
    await expect
      .poll(() => ringingFrom(FIXTURE_NUMBERS.courierMobile, since).length, WAIT)
      .toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    // The lookup's answer re-sends the same ringing view; one call means one callId.
    const ringing = ringingFrom(FIXTURE_NUMBERS.courierMobile, since);
    expect(new Set(ringing.map((c) => `${c.callId}|${c.extension}`)).size).toBe(1);
    // The caller may already be known when the phone rings (looked up as the call came in).
    expect(ringing.filter((c) => c.lookup !== 'done').length).toBeLessThanOrEqual(1);
    expect(ringing.length).toBeLessThanOrEqual(2);
  }, 120_000);

  it('MariaDB stopped: ringing still arrives at once, marked lookup unavailable; back up: lookups work again', async () => {
    await harnessFaults.stopMariaDb();
    try {
      await startPhone('101', 'answer', { answerAfterMs: 1000 });
      const since = Date.now();
      await placeInboundCall({
        from: FIXTURE_NUMBERS.kazakhRecipient,
        did: DIDS.direct,
        hangupAfterMs: 300,
      });
      await expect
        .poll(() => ringingFrom(FIXTURE_NUMBERS.kazakhRecipient, since).length, WAIT)
        .toBeGreaterThan(0);
      await expect
        .poll(
          () =>
            client
              .calls()
              .some(
                (c) =>
                  c.remote.dbKey === FIXTURE_NUMBERS.kazakhRecipient &&
                  c.startedAt >= since - 1000 &&
                  c.lookup === 'unavailable',
              ),
          WAIT,
        )
        .toBe(true);
    } finally {
      await harnessFaults.startMariaDb();
    }
    await stopSipp();
    await startPhone('101', 'answer', { answerAfterMs: 1000 });
    const again = Date.now();
    await placeInboundCall({
      from: FIXTURE_NUMBERS.kazakhRecipient,
      did: DIDS.direct,
      hangupAfterMs: 300,
    });
    await expect
      .poll(
        () =>
          client
            .calls()
            .find(
              (c) =>
                c.remote.dbKey === FIXTURE_NUMBERS.kazakhRecipient &&
                c.startedAt >= again - 1000 &&
                c.lookup === 'done',
            )?.identity.deliveries.length,
        WAIT,
      )
      .toBe(1);
  }, 120_000);
});
