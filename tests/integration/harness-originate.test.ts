import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectAmi } from '../support/ami';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { OUTBOUND_CONTEXT } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import { startFarEnd, startPhone, stopSipp } from '../support/sip-peers';

/** The company's main number, presented to the called party. */
const COMPANY_NUMBER = '74951234500';
const COMPANY_NAME = 'Courier Express';
const DIALLED = `+${FIXTURE_NUMBERS.recipient}`;

const clickToCall = (extra: Record<string, string> = {}): Record<string, string> => ({
  Action: 'Originate',
  Channel: 'PJSIP/101',
  Context: OUTBOUND_CONTEXT,
  Exten: DIALLED,
  Priority: '1',
  CallerID: `"${COMPANY_NAME}" <${COMPANY_NUMBER}>`,
  Timeout: '30000',
  Async: 'true',
  ...extra,
});

let helper: RawAmiClient;

beforeAll(async () => {
  helper = await connectAmi('helper');
});

afterEach(stopSipp);

afterAll(async () => {
  await helper?.close();
});

describe('click-to-call through AMI Originate with the helper account', () => {
  it('rings phone 101 first, then dials the number with the configured caller ID', async () => {
    const since = helper.mark();
    const phone = await startPhone('101', 'answer', { answerAfterMs: 300 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300 });

    const queued = await helper.action(clickToCall());
    expect(queued).toMatchObject({ Response: 'Success', Message: 'Originate successfully queued' });

    const operatorLeg = await phone.waitForInvite({ since: 0 });
    expect(operatorLeg.fromUser).toBe(COMPANY_NUMBER);
    const originated = await helper.waitForEvent(
      { Event: 'OriginateResponse', ActionID: queued.ActionID! },
      { since },
    );
    expect(originated).toMatchObject({
      Response: 'Success',
      Channel: expect.stringMatching(/^PJSIP\/101-/),
    });

    const dialled = await farEnd.waitForInvite({ since: 0 });
    expect(dialled).toMatchObject({
      dialled: DIALLED,
      fromUser: COMPANY_NUMBER,
      fromName: COMPANY_NAME,
      assertedUser: COMPANY_NUMBER,
    });
    await helper.waitForEvent({ Event: 'BridgeEnter', Channel: /^PJSIP\/farend-/ }, { since });

    const { response, events } = await helper.listAction({ Action: 'CoreShowChannels' });
    expect(response.Response).toBe('Success');
    const channels = events.filter((e) => e.Event === 'CoreShowChannel').map((e) => e.Channel);
    expect(channels).toEqual(
      expect.arrayContaining([originated.Channel, expect.stringMatching(/^PJSIP\/farend-/)]),
    );

    const hangup = await helper.action({ Action: 'Hangup', Channel: originated.Channel! });
    expect(hangup.Response).toBe('Success');
    await helper.waitForEvent({ Event: 'Hangup', Channel: /^PJSIP\/farend-/ }, { since });
  });

  it('reports a busy operator phone as a failed originate and never dials out', async () => {
    const since = helper.mark();
    await startPhone('101', 'busy');
    const farEnd = await startFarEnd('answer');

    const queued = await helper.action(clickToCall());
    const originated = await helper.waitForEvent(
      { Event: 'OriginateResponse', ActionID: queued.ActionID! },
      { since },
    );
    // On 486 PJSIP queues a busy signal and a hang-up; whichever Originate reads first sets
    // Reason (5 busy, or the generic 0). The phone channel's Hangup always says busy (17).
    expect(originated).toMatchObject({
      Response: 'Failure',
      Reason: expect.stringMatching(/^[05]$/),
    });
    await helper.waitForEvent({ Event: 'Hangup', Channel: /^PJSIP\/101-/, Cause: '17' }, { since });
    expect(farEnd.invites()).toEqual([]);
  });

  it('reports an unanswered operator phone as a failed originate after the timeout', async () => {
    const since = helper.mark();
    await startPhone('101', 'ring');

    const queued = await helper.action(clickToCall({ Timeout: '2000' }));
    const originated = await helper.waitForEvent(
      { Event: 'OriginateResponse', ActionID: queued.ActionID! },
      { since },
    );
    expect(originated).toMatchObject({ Response: 'Failure', Reason: '3' });
  });
});

describe('privileges of the helper AMI account', () => {
  const allowed: Record<string, string>[] = [
    { Action: 'Ping' },
    { Action: 'CoreShowChannels' },
    { Action: 'Hangup', Channel: 'PJSIP/none-00000000' },
    {
      Action: 'Redirect',
      Channel: 'PJSIP/none-00000000',
      Context: OUTBOUND_CONTEXT,
      Exten: '100',
      Priority: '1',
    },
    {
      Action: 'BlindTransfer',
      Channel: 'PJSIP/none-00000000',
      Context: OUTBOUND_CONTEXT,
      Exten: '100',
    },
  ];

  it.each(allowed)('may send $Action', async (action) => {
    const response = await helper.action(action);
    expect(response.Message ?? '').not.toMatch(/permission denied/i);
  });

  const refused: Record<string, string>[] = [
    { Action: 'Command', Command: 'core show version' },
    { Action: 'Reload' },
    { Action: 'ModuleCheck', Module: 'chan_pjsip' },
    { Action: 'Filter', Operation: 'Add', Filter: 'Event: Newchannel' },
    { Action: 'GetConfig', Filename: 'manager.conf' },
    { Action: 'DBPut', Family: 'ct', Key: 'k', Val: 'v' },
  ];

  it.each(refused)('may not send $Action', async (action) => {
    const response = await helper.action(action);
    expect(response).toMatchObject({ Response: 'Error', Message: 'Permission denied' });
  });

  it('may not originate into a shell application (needs the system class)', async () => {
    const response = await helper.action({
      Action: 'Originate',
      Channel: 'Local/100@outbound',
      Application: 'System',
      Data: 'touch /tmp/ct-should-not-exist',
      Async: 'true',
    });
    expect(response.Response).toBe('Error');
    expect(response.Message).toMatch(/forbidden/i);
  });

  it('gets no system events: FullyBooted reaches admin on login, not the helper', async () => {
    const admin = await connectAmi('admin');
    const fresh = await connectAmi('helper');
    try {
      await admin.waitForEvent({ Event: 'FullyBooted' }, { timeoutMs: 5_000 });
      await fresh.action({ Action: 'Ping' });
      expect(fresh.filter({ Event: 'FullyBooted' })).toEqual([]);
    } finally {
      await Promise.all([admin.close(), fresh.close()]);
    }
  });
});
