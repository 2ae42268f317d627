import type { Connection } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView } from '../../shared/protocol';
import { DIDS } from '../../harness/pbx-plan';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import type { RawAmiClient } from '../../harness/raw-ami';
import { connectAmi } from '../support/ami';
import { connectCourierDb } from '../support/courier-db';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS, OPERATOR } from '../support/fixtures';
import { waitForIdlePhones } from '../support/idle-phones';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';

/**
 * One office file for every seat: `pbx.user = "courier-{ext}"` with the per-seat accounts'
 * shared secret, and a cabinet login whose users.extPhone is 102. The helper resolves 102
 * after its AMI client exists, logs in as courier-102 — the account `manager-conf --seats`
 * printed for 102, filtered to 102's channels — and keeps that name across a cut link.
 */

const SEAT_LOGIN = 'seat-102-template';
const WAIT = { timeout: 30_000, interval: 100 };

let cabinet: Connection;
let admin: RawAmiClient;
let helper: RealHelper;
let client: ExtensionClient;

beforeAll(async () => {
  cabinet = await connectCourierDb('root');
  await cabinet.query('DELETE FROM users WHERE `user` = ?', [SEAT_LOGIN]);
  await cabinet.query(
    'INSERT INTO users (`user`, name, position, extPhone, email, active, date_create) VALUES (?, ?, ?, ?, ?, 1, NOW())',
    [SEAT_LOGIN, 'Seat 102 operator', 'operator', '102', null],
  );
  admin = await connectAmi('admin');
  helper = await startRealHelper({
    operatorUser: SEAT_LOGIN,
    amiUserTemplate: 'courier-{ext}',
    amiProxy: true,
  });
  client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
});

afterEach(async () => {
  await stopSipp();
  await helper?.amiProxy?.restore();
});

afterAll(async () => {
  await helper?.stop();
  await admin?.close();
  await cabinet?.query('DELETE FROM users WHERE `user` = ?', [SEAT_LOGIN]);
  await cabinet?.end();
});

/** The AMI sessions the PBX holds now, by account name (`manager show connected`). */
async function connectedAccounts(): Promise<string[]> {
  const answer = await admin.action({ Action: 'Command', Command: 'manager show connected' });
  return (answer.Output ?? '')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((name) => name !== '' && name !== 'Username');
}

/** The helper's own record of each login: the account it used, and whether it was a reconnect. */
function logins(): { user: string; reconnected: boolean }[] {
  return helper.logs
    .text()
    .split('\n')
    .filter((line) => line.includes('"AMI logged in"'))
    .map((line) => JSON.parse(line) as { user: string; reconnected: boolean });
}

/** A ring group call to 101 and 102 from the well-known recipient, answered by 102. */
async function ringGroupCallAnsweredBy102(): Promise<CallView[]> {
  await waitForIdlePhones(['101', '102']);
  await startPhone('101', 'ring');
  await startPhone('102', 'answer', { answerAfterMs: 800, hangupAfterMs: 800 });
  const since = Date.now();
  const call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.ringGroup });
  const mine = (): CallView[] =>
    client
      .calls()
      .filter((c) => c.remote.dbKey === FIXTURE_NUMBERS.recipient && c.startedAt >= since - 1000);
  await expect.poll(() => mine().some((c) => c.state === 'ended'), WAIT).toBe(true);
  await call.done;
  return mine();
}

describe('pbx.user = "courier-{ext}" in one office file', () => {
  it("logs in as 102's own account, resolved from the cabinet, and gets 102's card", async () => {
    expect(helper.config.pbx.user).toBe('courier-{ext}');
    await client.waitForStatus((s) => s.operator.extensions.join() === '102');
    expect(logins()).toEqual([
      expect.objectContaining({ user: 'courier-102', reconnected: false }),
    ]);
    expect(await connectedAccounts()).toContain('courier-102');
    const views = await ringGroupCallAnsweredBy102();
    // 101's phone rang too, but courier-102's filters pass none of its channels.
    expect(views.every((c) => c.extension === '102')).toBe(true);
    const identified = views.find((c) => c.lookup === 'done');
    expect(identified?.identity.deliveries.map((d) => d.orderNumber).sort()).toEqual(
      EXPECTED_LOOKUPS.recipient.shipments.map((s) => s.orderNumber).sort(),
    );
    expect(views.find((c) => c.state === 'ended')).toMatchObject({
      result: 'answered',
      answeredBy: '102',
    });
    expect(helper.logs.text()).not.toContain(helper.config.pbx.secret);
  });

  it('does not log in, and says what to set, where the cabinet gives the seat two extensions', async () => {
    const twoExtensions = await startRealHelper({
      operatorUser: OPERATOR.user,
      amiUserTemplate: 'courier-{ext}',
    });
    try {
      const seat = await twoExtensions.connect();
      await seat.waitForStatus((s) => s.pbx.state === 'auth-failed');
      const { pbx } = seat.latestStatus()!;
      expect(pbx.reason).toContain(
        'pbx.user: uses {ext}, but this seat has 2 extensions (101,102) and one account serves one seat. Fix: ',
      );
      expect(pbx.reason).toContain('COURIER_PBX_USER=courier-101');
      expect(twoExtensions.logs.text()).not.toContain('"AMI logged in"');
      expect(twoExtensions.logs.text()).not.toContain(twoExtensions.config.pbx.secret);
    } finally {
      await twoExtensions.stop();
    }
  });

  it('logs in again as courier-102 after the AMI link is cut, and the next call still gets its card', async () => {
    await helper.amiProxy?.cut();
    await client.waitForStatus((s) => s.pbx.state === 'down');
    await helper.amiProxy?.restore();
    await client.waitForStatus((s) => s.pbx.state === 'connected');
    await expect
      .poll(() => logins().filter((login) => login.reconnected), WAIT)
      .toEqual([expect.objectContaining({ user: 'courier-102', reconnected: true })]);
    const views = await ringGroupCallAnsweredBy102();
    expect(views.find((c) => c.state === 'ended')).toMatchObject({
      extension: '102',
      result: 'answered',
    });
  });
});
