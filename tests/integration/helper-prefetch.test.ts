import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/protocol';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import { startRealHelper, type RealHelper } from '../support/real-helper';

const WAIT = { timeout: 20_000, interval: 100 };

let helper: RealHelper | undefined;

afterEach(async () => {
  await stopSipp();
  await helper?.stop();
  helper = undefined;
});

/**
 * A recipient calls the company line with a greeting before the operator's phone rings;
 * returns every view of that call for extension 101, in the order they arrived.
 */
async function callThroughGreeting(prefetch: boolean): Promise<CallView[]> {
  helper = await startRealHelper({ database: { prefetch, cacheTtlSeconds: 30 } });
  const client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
  await startPhone('101', 'answer', { answerAfterMs: 500 });
  const since = Date.now();
  const views = (): CallView[] =>
    client
      .calls()
      .filter(
        (c) =>
          c.remote.dbKey === FIXTURE_NUMBERS.recipient &&
          c.extension === '101' &&
          c.startedAt >= since - 1000,
      );
  const call = await placeInboundCall({
    from: FIXTURE_NUMBERS.recipient,
    did: DIDS.greeting,
    hangupAfterMs: 2500,
  });
  await expect.poll(() => views().some((c) => c.state === 'ended'), WAIT).toBe(true);
  await call.done;
  return views();
}

describe('looking an incoming caller up while the call is on its way to the phone', () => {
  it('the first ringing event already carries the identity: no pending card', async () => {
    const views = await callThroughGreeting(true);
    const first = views[0];
    expect(first?.state).toBe('ringing');
    expect(first?.lookup).toBe('done');
    expect(first?.identity.deliveries.map((d) => d.orderNumber).sort()).toEqual(
      EXPECTED_LOOKUPS.recipient.shipments.map((s) => s.orderNumber).sort(),
    );
    expect(views.filter((c) => c.state === 'ringing')).toHaveLength(1);
    expect(views.every((c) => c.lookup === 'done')).toBe(true);
  });

  it('with prefetch = false the lookup starts when the phone rings, and the card follows', async () => {
    const views = await callThroughGreeting(false);
    expect(views[0]).toMatchObject({ state: 'ringing', lookup: 'pending' });
    const identified = views.find((c) => c.lookup === 'done');
    expect(identified?.state).toBe('ringing');
    expect(identified?.identity.deliveries.length).toBe(
      EXPECTED_LOOKUPS.recipient.shipments.length,
    );
  });
});
