import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import type { ExtensionClient } from '../../harness/extension/extension-client';
import { COMPANY_CALLER_ID, startRealHelper, type RealHelper } from '../support/real-helper';
import { ANSWERED_DIAL_STAGES, dialStages } from '../support/dial-stages';

let helper: RealHelper;
let client: ExtensionClient;

beforeAll(async () => {
  helper = await startRealHelper({ extensions: ['101', '102'] });
  client = await helper.connect();
  await client.waitForStatus((s) => s.pbx.state === 'connected');
});

afterEach(stopSipp);
afterAll(() => helper?.stop());

describe('click-to-call through the real helper', () => {
  it('rings the operator phone first, then the far end gets +79161234567 with the company caller ID', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 800 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 300, hangupAfterMs: 1000 });
    const updates = await client.dial('8 (916) 123-45-67');
    expect(dialStages(updates)).toEqual(ANSWERED_DIAL_STAGES);
    const invite = await farEnd.lastInvite();
    expect(invite?.dialled).toBe('+79161234567');
    expect(invite?.fromUser).toBe(COMPANY_CALLER_ID);
  });

  it('says so when the operator phone is busy', async () => {
    await startPhone('101', 'busy');
    const updates = await client.dial('+7 916 123 45 67');
    const result = updates.at(-1);
    expect(result?.type).toBe('dial.result');
    if (result?.type === 'dial.result') {
      expect(result.outcome).toBe('busy');
      expect(result.leg).toBe('you');
    }
  });

  it('says so when the operator does not answer', async () => {
    await startPhone('101', 'ring');
    const updates = await client.dial('79161234567');
    const result = updates.at(-1);
    expect(result?.type === 'dial.result' && result.outcome).toBe('no-answer');
  }, 60_000);

  it('an operator with 101,102 dials from 101 by default and from 102 on request, and gets cards for calls to either', async () => {
    await startPhone('102', 'answer', { answerAfterMs: 300 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 200, hangupAfterMs: 500 });
    const updates = await client.dial('84951234567', '102');
    expect(dialStages(updates).at(-1)).toBe('result:connected');
    const progress = updates.find((m) => m.type === 'dial.progress');
    expect(progress?.type === 'dial.progress' && progress.extension).toBe('102');
    expect((await farEnd.lastInvite())?.dialled).toBe('+74951234567');

    await stopSipp();
    await startPhone('102', 'answer', { answerAfterMs: 300 });
    const since = Date.now();
    await placeInboundCall({ from: '79990001122', did: DIDS.ringGroup, hangupAfterMs: 300 });
    await expect
      .poll(
        () =>
          client
            .calls()
            .some(
              (c) => c.extension === '102' && c.startedAt >= since - 1000 && c.state === 'ringing',
            ),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
  });

  it('refuses a number that cannot be dialled before anything reaches the PBX', async () => {
    const updates = await client.dial('Заказ 12');
    const result = updates.at(-1);
    expect(result?.type === 'dial.result' && result.outcome).toBe('invalid-number');
  });
});
