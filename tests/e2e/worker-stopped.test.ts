import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, ServerMessageOf } from '../../shared/protocol';
import { DIDS } from '../../harness/pbx-plan';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { cardText } from '../support/e2e/card-text';
import { waitUntil } from '../support/e2e/wait-until';
import { EXPECTED_LOOKUPS, FIXTURE_NUMBERS } from '../support/fixtures';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp } from '../support/sip-peers';

/** What the issue asks of a stopped worker: running again, with its cards, this soon. */
const BACK_WITHIN_MS = 2_000;
const [SHIPMENT] = EXPECTED_LOOKUPS.recipient.shipments;
const ORDER = SHIPMENT?.orderNumber ?? '';

/** A marker in the worker's global scope: gone once the browser started a new worker. */
function markWorker(browser: ExtensionBrowser): Promise<void> {
  return browser.serviceWorker.evaluate(() => {
    (globalThis as { ctMarker?: boolean }).ctMarker = true;
  });
}

function workerIsNew(browser: ExtensionBrowser): Promise<boolean> {
  return browser.serviceWorker.evaluate(
    () => (globalThis as { ctMarker?: boolean }).ctMarker === undefined,
  );
}

describe('the browser stopping the extension worker, with the real helper and Asterisk 22', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let cabinet: Page;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({ extensions: ['101'] });
    browser = await launchExtensionBrowser({ extensionDir });
    // Inserted links: a visible sign that the content script runs in the cabinet tab.
    await browser.setSettings({
      helper: { host: '127.0.0.1', port: helper.port },
      language: 'en',
      rendering: 'links',
    });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await browser.pair((await store.createPairingCode()).code);
    await waitUntil(browser.badge, (badge) => badge.title.includes('Connected'), 30_000);
    await browser.enableSite(demo.url);
    cabinet = await browser.context.newPage();
    await cabinet.goto(demo.url);
    await cabinet.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
  });

  afterEach(stopSipp);

  afterAll(async () => {
    await browser?.close();
    await helper?.stop();
    await demo?.close();
  });

  it('starts again from the open cabinet tab while idle, and the next call gets its card', async () => {
    await cabinet.bringToFront();
    await markWorker(browser);
    const stopped = await browser.stopWorker();
    // Nothing happens on the page or the helper: the cabinet tab's link alone starts it.
    expect(await stopped.restarted(BACK_WITHIN_MS)).toBeLessThanOrEqual(BACK_WITHIN_MS);

    const phone = await startPhone('101', 'ring');
    await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.direct,
      ringTimeoutMs: 20_000,
    });
    await phone.waitForInvite({ since: 0, timeoutMs: 30_000 });
    const text = await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes(ORDER),
      20_000,
    );
    expect(text).toContain('+7 916 123-45-67');
    expect(await workerIsNew(browser)).toBe(true);
  }, 120_000);

  it('keeps the card of a ringing call, follows it to missed, and the badge counts it', async () => {
    const before = Number((await browser.badge()).text || '0');
    await cabinet.bringToFront();
    const phone = await startPhone('101', 'ring');
    const caller = await placeInboundCall({
      from: FIXTURE_NUMBERS.clientMain,
      did: DIDS.direct,
      ringTimeoutMs: 30_000,
    });
    await phone.waitForInvite({ since: 0, timeoutMs: 30_000 });
    const ringing = await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Ringing…') && !t.includes('looking up…'),
      20_000,
    );

    await markWorker(browser);
    const stopped = await browser.stopWorker();
    expect(await cardText(cabinet)).toBe(ringing);
    expect(await stopped.restarted(BACK_WITHIN_MS)).toBeLessThanOrEqual(BACK_WITHIN_MS);
    // The new worker hears of the call from the helper and sends the tab its updates.
    await caller.hangup();
    await waitUntil(
      () => cardText(cabinet),
      (t) => t.includes('Missed call'),
      20_000,
    );
    expect(await workerIsNew(browser)).toBe(true);
    const badge = await waitUntil(browser.badge, (b) => b.text === String(before + 1), 10_000);
    expect(badge.title).toContain(`Missed calls: ${before + 1}`);
  }, 120_000);

  it('moves the card of a call that ended while the worker was stopped to missed, counted once', async () => {
    // A fresh page: the earlier calls' cards are gone, so the text read is this call's alone.
    await cabinet.reload();
    await cabinet.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
    await cabinet.bringToFront();
    const before = Number((await browser.badge()).text || '0');
    // Another client of the helper, to know when the helper has seen the call end.
    const watcher = await helper.connect();
    const caller = FIXTURE_NUMBERS.clientWithoutManager;
    const isThisCall = (call: CallView) => call.remote.dbKey === caller;
    try {
      const phone = await startPhone('101', 'ring');
      const call = await placeInboundCall({
        from: caller,
        did: DIDS.direct,
        ringTimeoutMs: 30_000,
      });
      await phone.waitForInvite({ since: 0, timeoutMs: 30_000 });
      await waitUntil(
        () => cardText(cabinet),
        (t) => t.includes('Ringing…') && !t.includes('looking up…'),
        20_000,
      );

      // The tab starts a stopped worker at once; held in the debugger it cannot, until the
      // call has ended and the helper has said so to no worker.
      const tab = await cabinet.context().newCDPSession(cabinet);
      await tab.send('Debugger.enable');
      await tab.send('Debugger.pause');
      await markWorker(browser);
      const stopped = await browser.stopWorker();
      await call.hangup();
      await watcher.waitFor(
        (m): m is ServerMessageOf<'call'> =>
          m.type === 'call' && isThisCall(m.call) && m.call.state === 'ended',
        20_000,
      );
      await tab.send('Debugger.resume');
      await tab.detach();

      await stopped.restarted(20_000);
      const text = await waitUntil(
        () => cardText(cabinet),
        (t) => t.includes('Missed call'),
        10_000,
      );
      expect(text).not.toContain('Ringing…');
      expect(await workerIsNew(browser)).toBe(true);
      const badge = await waitUntil(browser.badge, (b) => b.text === String(before + 1), 10_000);
      expect(badge.title).toContain(`Missed calls: ${before + 1}`);
      // Counted once: nothing the reconciliation sent adds to it later.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await browser.badge()).text).toBe(String(before + 1));
    } finally {
      await watcher.close();
    }
  }, 120_000);
});
