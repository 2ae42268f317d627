import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DialUpdate } from '../../helper/core/helper-api';
import { AmiClient } from '../../helper/ami/client';
import { createAmiDialerPbx } from '../../helper/workstation/calls/ami-dialer-pbx';
import { ClickToCall } from '../../helper/workstation/calls/click-to-call';
import { CallTracker } from '../../helper/workstation/calls/tracker';
import type { CallUpdate } from '../../helper/workstation/calls/types';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { OUTBOUND_CONTEXT } from '../../harness/pbx-plan';
import { startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { ANSWERED_DIAL_STAGES, dialStages } from '../support/dial-stages';

const NUMBER = `+${FIXTURE_NUMBERS.recipient}`;
const COMPANY = { name: 'Courier Express', number: '74951234500' };
const WAIT = { timeout: 30_000, interval: 100 };

let controller: AbortController;
let ami: AmiClient;
let tracker: CallTracker;
const tracked: CallUpdate[] = [];

beforeAll(async () => {
  const { asterisk } = harnessInfo();
  controller = new AbortController();
  ami = new AmiClient({
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    ...asterisk.accounts.helper,
    signal: controller.signal,
  });
  tracker = new CallTracker({ extensions: ['101', '102'] });
  ami.on('event', (frame) => tracked.push(...tracker.handle(frame)), { signal: controller.signal });
  await ami.start();
});

afterEach(stopSipp);

afterAll(async () => {
  await ami?.close();
  controller?.abort();
});

function clickToCall(ringTimeoutSeconds = 15): ClickToCall {
  return new ClickToCall(createAmiDialerPbx(ami), {
    channelTemplate: 'PJSIP/{ext}',
    context: OUTBOUND_CONTEXT,
    callerId: `"${COMPANY.name}" <${COMPANY.number}>`,
    ringTimeoutSeconds,
    extensions: () => tracker.extensions,
    announce: (channelId, extension, exten) => tracker.expectOriginate(channelId, extension, exten),
  });
}

async function dial(number: string, ringTimeoutSeconds?: number): Promise<DialUpdate[]> {
  const updates: DialUpdate[] = [];
  await clickToCall(ringTimeoutSeconds).dial(
    { number, requestId: 'req-1' },
    (update) => updates.push(update),
    AbortSignal.timeout(60_000),
  );
  return updates;
}

describe('click-to-call against Asterisk 22', () => {
  it("rings the operator's 101 first, then the number with the company's caller ID", async () => {
    const phone = await startPhone('101', 'answer', { answerAfterMs: 500 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 500, hangupAfterMs: 1_500 });
    const mark = tracked.length;

    const updates = await dial('8 (916) 123-45-67');

    expect(dialStages(updates)).toEqual(ANSWERED_DIAL_STAGES);
    expect(updates.at(-1)).toMatchObject({ ok: true });
    const callId = (updates[0] as { callId: string }).callId;
    expect(updates[0]).toMatchObject({
      extension: '101',
      remote: { raw: NUMBER, e164: NUMBER, dbKey: FIXTURE_NUMBERS.recipient },
    });

    expect(phone.invites()).toHaveLength(1);
    expect(phone.invites()[0]!.fromUser).toBe(COMPANY.number);
    expect(farEnd.invites()).toHaveLength(1);
    expect(farEnd.invites()[0]).toMatchObject({
      dialled: NUMBER,
      fromUser: COMPANY.number,
      fromName: COMPANY.name,
    });

    await vi.waitFor(() => {
      const mine = tracked.slice(mark).filter((u) => u.view.callId === callId);
      expect(mine.map((u) => u.change)).toEqual(['ringing', 'dialling', 'answered', 'ended']);
      expect(mine[0]!.view).toMatchObject({
        extension: '101',
        origin: 'click-to-call',
        direction: 'out',
        remote: { e164: NUMBER },
      });
      expect(mine[3]!.record).toMatchObject({ result: 'answered' });
    }, WAIT);
  });

  it("reports the operator's busy phone, and never dials out", async () => {
    await startPhone('101', 'busy');
    const farEnd = await startFarEnd('answer');
    const updates = await dial(NUMBER);
    expect(dialStages(updates)).toEqual(['accepted', 'ringing-you', 'ended', 'result:busy']);
    expect(updates.at(-1)).toMatchObject({ ok: false, leg: 'you' });
    expect(farEnd.invites()).toEqual([]);
  });

  it("reports the operator's phone not answering", async () => {
    await startPhone('101', 'ring');
    const farEnd = await startFarEnd('answer');
    const updates = await dial(NUMBER, 3);
    expect(dialStages(updates)).toEqual(['accepted', 'ringing-you', 'ended', 'result:no-answer']);
    expect(updates.at(-1)).toMatchObject({ ok: false, leg: 'you' });
    expect(farEnd.invites()).toEqual([]);
  });

  it('reports the far end busy', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 300 });
    await startFarEnd('busy');
    const updates = await dial(NUMBER);
    expect(dialStages(updates)).toEqual([
      'accepted',
      'ringing-you',
      'dialling',
      'ended',
      'result:busy',
    ]);
    expect(updates.at(-1)).toMatchObject({ ok: false, leg: 'remote' });
  });

  it('refuses a number with a line break without ringing anyone', async () => {
    const phone = await startPhone('101', 'answer');
    const updates = await dial('+79161234567\r\nAction: Originate');
    expect(dialStages(updates)).toEqual(['result:invalid-number']);
    expect(phone.invites()).toEqual([]);
  });
});
