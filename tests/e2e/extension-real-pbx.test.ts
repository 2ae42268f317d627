import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { connectAmi } from '../support/ami';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS } from '../support/fixtures';
import { DIDS } from '../../harness/pbx-plan';
import type { RawAmiClient } from '../../harness/raw-ami';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { cardText } from '../support/e2e/card-text';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { screenshot } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';

const DEMO_PATTERN = 'http://127.0.0.1/*';
const OPERATOR_PHONE = { Event: 'Newchannel', Channel: /^PJSIP\/101-/ } as const;

describe('extension with the real helper, Asterisk 22 and the courier database', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let ami: RawAmiClient;
  let cabinet: Page;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({ extensions: ['101'] });
    ami = await connectAmi('admin');
    browser = await launchExtensionBrowser({ extensionDir });
    // The inserted-link rendering against the real PBX; painted numbers: click-to-call-toast.test.ts.
    await browser.setSettings({
      helper: { host: '127.0.0.1', port: helper.port },
      language: 'ru',
      rendering: 'links',
    });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Подключено'), 20_000);
    expect(await browser.enableSite(demo.url)).toBe(DEMO_PATTERN);
    cabinet = await browser.context.newPage();
    await cabinet.goto(demo.url);
    await cabinet.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
  });

  afterEach(stopSipp);

  afterAll(async () => {
    await ami?.close();
    await browser?.close();
    await helper?.stop();
    await demo?.close();
  });

  it('shows who is calling on a real inbound call, looked up in the database', async () => {
    await startPhone('101', 'ring');
    await cabinet.bringToFront();
    const caller = await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.direct,
      ringTimeoutMs: 30_000,
    });
    const [first] = EXPECTED_LOOKUPS.recipient.shipments;
    const text = await waitUntil(
      () => cardText(cabinet),
      (t) => first !== undefined && t.includes(first.orderNumber),
      20_000,
    );
    expect(text).toContain(first?.recipient);
    expect(text).toContain('+7 916 123-45-67');
    await screenshot(cabinet, 'incoming-call-card-real-pbx');
    // The caller gives up before anyone answers: the card stays, marked as missed.
    await caller.hangup();
    await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Пропущенный звонок'),
      20_000,
    );
  });

  it("lets no page script originate, while a person's click rings the operator's phone", async () => {
    await startPhone('101', 'ring');
    const attacked = await browser.context.newPage();
    await attacked.goto(demo.url);
    await attacked.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
    const before = ami.mark();
    await attacked.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('a.ct-phone');
      const dial = { kind: 'dial', number: '+79161234567', source: 'link' };
      window.postMessage(dial, '*');
      window.dispatchEvent(new CustomEvent('ct-dial', { detail: dial }));
      link?.focus();
      link?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      link?.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, view: window }),
      );
      link?.click();
    });
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(ami.filter(OPERATOR_PHONE, before)).toEqual([]);
    expect(ami.filter({ Event: 'OriginateResponse' }, before)).toEqual([]);
    // Headless Chromium ignores further input in a tab whose script tried a gesture-less
    // `tel:` launch, so the person clicks in the other cabinet tab.
    await attacked.close();

    await cabinet.bringToFront();
    const clicked = ami.mark();
    await cabinet.locator('a.ct-phone').first().click();
    const ringing = await ami.waitForEvent(OPERATOR_PHONE, { since: clicked, timeoutMs: 15_000 });
    expect(ringing.Channel).toMatch(/^PJSIP\/101-/);
  });
});
