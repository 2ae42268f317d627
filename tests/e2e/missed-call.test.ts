import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { COMPANY_CALLER_ID, startRealHelper, type RealHelper } from '../support/real-helper';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { screenshot } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';

const CALLER = FIXTURE_NUMBERS.recipient;
const CALL_BACK_TO = `+${CALLER}`;
const RECIPIENT_NAME = WELL_KNOWN.deliveries.deliveryA.fio;

describe('a missed call in Chromium, with the real helper, Asterisk 22 and the courier database', () => {
  let browser: ExtensionBrowser;
  let helper: RealHelper;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    helper = await startRealHelper({ extensions: ['101'] });
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'en' });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Connected'), 30_000);
  });

  afterAll(async () => {
    await stopSipp();
    await browser?.close();
    await helper?.stop();
  });

  it('raises the badge count, lists the call in the popup, and calls back with one click', async () => {
    const phone = await startPhone('101', 'ring');
    const caller = await placeInboundCall({
      from: CALLER,
      did: DIDS.direct,
      ringTimeoutMs: 4_000,
    });
    await phone.waitForInvite({ since: 0, timeoutMs: 30_000 });
    const gaveUp = await caller.done;
    expect(gaveUp.answered).toBe(false);

    const badge = await waitUntil(browser.badge, (b) => b.text === '1', 30_000);
    expect(badge.title).toContain('Missed calls: 1');

    // The operator picks up after a few rings: the far end, dialled only after that, cannot be
    // offered the call before the operator's phone has rung.
    const operatorPhone = await startPhone('101', 'answer', { answerAfterMs: 3_000 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 500, hangupAfterMs: 2_000 });

    const popup = await browser.openPopup();
    const missed = popup.locator('.ct-call--missed').first();
    await missed.waitFor({ timeout: 30_000 });
    await waitUntil(
      () => missed.innerText(),
      (text) => text.includes(RECIPIENT_NAME),
      30_000,
    );
    const text = await missed.innerText();
    expect(text).toContain('Missed');
    expect(text).toContain('+7 916 123-45-67');
    await screenshot(popup, 'popup-missed-call');

    const farEndSince = farEnd.invites().length;
    await missed.getByRole('button', { name: 'Call back +7 916 123-45-67' }).click();

    const ringsYou = await operatorPhone.waitForInvite({ since: 0, timeoutMs: 30_000 });
    expect(ringsYou.fromUser).toBe(COMPANY_CALLER_ID);
    expect(farEnd.invites()).toHaveLength(farEndSince);

    const dialled = await farEnd.waitForInvite({ since: farEndSince, timeoutMs: 45_000 });
    expect(dialled.dialled).toBe(CALL_BACK_TO);
    expect(dialled.fromUser).toBe(COMPANY_CALLER_ID);

    const feedback = popup.locator('.ct-dial__feedback');
    await waitUntil(
      () => feedback.innerText(),
      (t) => t.includes('Connected'),
      30_000,
    );
    await screenshot(popup, 'popup-missed-call-back');

    const cleared = await waitUntil(browser.badge, (b) => b.text === '', 30_000);
    expect(cleared.title).not.toContain('Missed calls');
    await popup.close();
  }, 240_000);
});
