import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { connectAmi } from '../support/ami';
import type { RawAmiClient } from '../../harness/raw-ami';
import { startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { waitForIdlePhones } from '../support/idle-phones';
import { COMPANY_CALLER_ID, startRealHelper, type RealHelper } from '../support/real-helper';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { shadowUiText } from '../support/e2e/card-text';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { clickPainted, pointAtText, waitForPainted } from '../support/e2e/painted-numbers';
import { screenshot } from '../support/e2e/screenshot';
import { recordDialToast, type ToastRecorder, type ToastText } from '../support/e2e/toast-recorder';
import { waitUntil } from '../support/e2e/wait-until';

const DEMO_PATTERN = 'http://127.0.0.1/*';
/** As the demo page writes it (order RM-000102), and as the PBX must dial it. */
const WRITTEN = '8 (916) 123-45-67';
const DIALLED = '+79161234567';
const SHOWN = '+7 916 123-45-67';
/** Another phone on the same page (order RM-000101's courier). */
const OTHER_WRITTEN = '8 903 111-22-33';
/** A CIS number on client card 2 (the partner in Minsk), and the E.164 form the PBX must dial. */
const CIS_WRITTEN = '+375 (17) 234-56-78';
const CIS_DIALLED = '+375172345678';

const TOAST = {
  requesting: 'Sending the call request…',
  accepted: 'The PBX accepted the request…',
  ringingYou: 'Ringing your phone… Pick up the handset',
  dialling: `Dialling ${SHOWN}…`,
  connected: `Connected to ${SHOWN}`,
  alreadyDialling: `The call to ${SHOWN} is still in progress — no new call started`,
  failed: `Could not call ${SHOWN}`,
  busyYou: 'Your phone is busy.',
  anotherCall: 'Another call is in progress.',
} as const;

const OPERATOR_LEG = { Event: 'Newchannel', Channel: /^PJSIP\/101-/ } as const;
const ORIGINATED = { Event: 'OriginateResponse' } as const;
const FAR_END_DIAL = { Event: 'DialBegin', DestChannel: /^PJSIP\/farend-/ } as const;

/** Non-empty toast titles in order: the empty entries are the toast hidden between dials. */
function titles(texts: readonly ToastText[]): string[] {
  return texts.map((text) => text.title).filter((title) => title !== '');
}

async function lastTitle(toast: ToastRecorder): Promise<string | undefined> {
  return titles(await toast.texts()).at(-1);
}

describe('click-to-call on painted numbers of the demo cabinet, with the real helper, Asterisk 22, sipp and the courier database', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let ami: RawAmiClient;
  const pages: Page[] = [];

  async function openCabinet(): Promise<Page> {
    const page = await browser.context.newPage();
    pages.push(page);
    await page.goto(demo.url);
    await waitForPainted(page, WRITTEN);
    return page;
  }

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({ extensions: ['101'] });
    ami = await connectAmi('admin');
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'en' });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Connected'), 30_000);
    expect(await browser.enableSite(demo.url)).toBe(DEMO_PATTERN);
  });

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    await stopSipp();
    await waitForIdlePhones(['101']);
  });

  afterAll(async () => {
    await ami?.close();
    await browser?.close();
    await helper?.stop();
    await demo?.close();
  });

  it('rings phone 101 first, then dials the normalized number, and the toast follows: ringing you → dialling → connected', async () => {
    const operatorPhone = await startPhone('101', 'answer', { answerAfterMs: 3_000 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 1_500, hangupAfterMs: 3_000 });
    const cabinet = await openCabinet();
    const since = ami.mark();

    // The page's own script clicks the number: nothing is dialled.
    const point = await pointAtText(cabinet, WRITTEN);
    await cabinet.evaluate((at) => {
      if (!at) return;
      const target = document.elementFromPoint(at.x, at.y);
      const init = { bubbles: true, cancelable: true, clientX: at.x, clientY: at.y };
      target?.dispatchEvent(new MouseEvent('click', init));
      (target as HTMLElement | null)?.click();
    }, point);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(ami.filter(ORIGINATED, since)).toEqual([]);
    expect(ami.filter(OPERATOR_LEG, since)).toEqual([]);

    await clickPainted(cabinet, WRITTEN);
    const toast = await recordDialToast(cabinet);

    const ringsYou = await operatorPhone.waitForInvite({ since: 0, timeoutMs: 15_000 });
    expect(ringsYou.fromUser).toBe(COMPANY_CALLER_ID);
    // The far end is dialled only once the operator picks up, 3 s after the phone starts ringing.
    expect(farEnd.invites()).toHaveLength(0);
    await waitUntil(
      () => shadowUiText(cabinet, 'ct-dial-toast'),
      (text) => text.includes(TOAST.ringingYou),
      15_000,
    );
    await screenshot(cabinet, 'dial-toast-ringing-you');

    const dialled = await farEnd.waitForInvite({ since: 0, timeoutMs: 15_000 });
    expect(dialled.dialled).toBe(DIALLED);
    expect(dialled.fromUser).toBe(COMPANY_CALLER_ID);
    const dialBegin = await ami.waitForEvent(FAR_END_DIAL, { since, timeoutMs: 15_000 });
    expect(dialBegin.DialString).toContain(DIALLED);

    await waitUntil(
      () => lastTitle(toast),
      (title) => title === TOAST.connected,
      15_000,
    );
    await screenshot(cabinet, 'dial-toast-connected');

    const seen = titles(await toast.texts());
    const ringing = seen.indexOf(TOAST.ringingYou);
    expect(ringing, JSON.stringify(seen)).toBeGreaterThanOrEqual(0);
    // The observer starts right after the click; the request's own first steps may already be past.
    for (const early of seen.slice(0, ringing)) {
      expect([TOAST.requesting, TOAST.accepted]).toContain(early);
    }
    expect(seen.slice(ringing)).toEqual([TOAST.ringingYou, TOAST.dialling, TOAST.connected]);
    expect(ami.filter(ORIGINATED, since)).toHaveLength(1);
    expect(ami.filter(ORIGINATED, since)[0]?.Response).toBe('Success');
    expect(ami.filter(OPERATOR_LEG, since)).toHaveLength(1);
    await toast.stop();
  });

  it('dials a CIS number written with + as E.164', async () => {
    await startPhone('101', 'answer', { answerAfterMs: 1_000 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 500, hangupAfterMs: 1_000 });
    const cabinet = await browser.context.newPage();
    pages.push(cabinet);
    await cabinet.goto(`${demo.url}?client=2`);
    const since = ami.mark();

    await clickPainted(cabinet, CIS_WRITTEN);

    const dialled = await farEnd.waitForInvite({ since: 0, timeoutMs: 20_000 });
    expect(dialled.dialled).toBe(CIS_DIALLED);
    const dialBegin = await ami.waitForEvent(FAR_END_DIAL, { since, timeoutMs: 15_000 });
    expect(dialBegin.DialString).toContain(CIS_DIALLED);
  });

  it('says in the toast that your own phone is busy, and dials nobody', async () => {
    await startPhone('101', 'busy');
    const farEnd = await startFarEnd('answer');
    const cabinet = await openCabinet();
    const since = ami.mark();

    await clickPainted(cabinet, WRITTEN);
    const toast = await recordDialToast(cabinet);

    await waitUntil(
      () => lastTitle(toast),
      (title) => title === TOAST.failed,
      15_000,
    );
    const failure = (await toast.texts()).filter((text) => text.title === TOAST.failed).at(-1);
    // The reason once, in the page's language: the helper's own sentence must not repeat it.
    expect(failure?.detail).toBe(TOAST.busyYou);
    expect(titles(await toast.texts())).not.toContain(TOAST.dialling);
    await screenshot(cabinet, 'dial-toast-busy');

    const originated = await ami.waitForEvent(ORIGINATED, { since, timeoutMs: 15_000 });
    expect(originated.Response).toBe('Failure');
    expect(farEnd.invites()).toHaveLength(0);
    await toast.stop();
  });

  it('starts no second call when the person clicks again, on any number or in another tab, while a dial runs', async () => {
    const operatorPhone = await startPhone('101', 'answer', { answerAfterMs: 3_000 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 1_000, hangupAfterMs: 2_000 });
    const cabinet = await openCabinet();
    const otherTab = await openCabinet();
    await cabinet.bringToFront();
    const since = ami.mark();

    await clickPainted(cabinet, WRITTEN);
    const toast = await recordDialToast(cabinet);
    await operatorPhone.waitForInvite({ since: 0, timeoutMs: 15_000 });
    await waitUntil(
      () => lastTitle(toast),
      (title) => title === TOAST.ringingYou,
      15_000,
    );

    await clickPainted(cabinet, WRITTEN);
    await clickPainted(cabinet, WRITTEN);
    await clickPainted(cabinet, OTHER_WRITTEN);
    await waitUntil(
      () => lastTitle(toast),
      (title) => title === TOAST.alreadyDialling,
      15_000,
    );
    await screenshot(cabinet, 'dial-toast-already-dialling');

    await otherTab.bringToFront();
    await clickPainted(otherTab, OTHER_WRITTEN);
    const otherText = await waitUntil(
      () => shadowUiText(otherTab, 'ct-dial-toast'),
      (text) => text.includes(TOAST.anotherCall),
      15_000,
    );
    expect(otherText).toContain('Could not call +7 903 111-22-33');
    await screenshot(otherTab, 'dial-toast-other-tab-refused');
    await cabinet.bringToFront();

    await waitUntil(
      () => lastTitle(toast),
      (title) => title === TOAST.connected,
      15_000,
    );
    // The far end hangs up 2 s after answering; a second originate queued anywhere would show by then.
    await ami.waitForEvent(
      { Event: 'Hangup', Channel: /^PJSIP\/farend-/ },
      { since, timeoutMs: 15_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const seen = titles(await toast.texts());
    expect(seen.slice(seen.indexOf(TOAST.ringingYou))).toEqual([
      TOAST.ringingYou,
      TOAST.alreadyDialling,
      TOAST.dialling,
      TOAST.connected,
    ]);
    expect(ami.filter(ORIGINATED, since)).toHaveLength(1);
    expect(ami.filter(OPERATOR_LEG, since)).toHaveLength(1);
    expect(operatorPhone.invites()).toHaveLength(1);
    expect(farEnd.invites()).toHaveLength(1);
    expect(farEnd.invites()[0]?.dialled).toBe(DIALLED);
    await toast.stop();
  });
});
