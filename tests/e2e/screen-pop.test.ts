import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../harness/extension/build-extension';
import type { ExtensionBrowser } from '../../harness/extension/launch-extension-browser';
import { DIDS } from '../../harness/pbx-plan';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { cardText } from '../support/e2e/card-text';
import { openCabinet, pairedBrowser } from '../support/e2e/paired-browser';
import { waitUntil } from '../support/e2e/wait-until';
import { FIXTURE_NUMBERS, WELL_KNOWN } from '../support/fixtures';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { placeInboundCall, startPhone, stopSipp, type SippCall } from '../support/sip-peers';

/**
 * The recipient calling has two orders in work: the card's first delivery is one of them,
 * and its page is what pops.
 */
const RECIPIENT_ORDERS = [WELL_KNOWN.orders.orderA.code, WELL_KNOWN.orders.orderB.code];

describe("screen pop: the caller's order page in Chromium, on the real PBX", () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let cabinet: Page;
  let call: SippCall | undefined;

  /** The demo cabinet stands in for the order pages: it ignores the query. */
  const orderPage = (code: number): string => `${demo.url}?order=${code}`;

  function orderTabs(): Promise<Page[]> {
    const pages = RECIPIENT_ORDERS.map(orderPage);
    return Promise.resolve(browser.context.pages().filter((page) => pages.includes(page.url())));
  }

  /** The address of the tab the browser shows in front, as the extension sees it. */
  function frontTabUrl(): Promise<string | undefined> {
    return browser.serviceWorker.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: WorkerTabs }).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.url;
    });
  }

  async function settle(ms: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  beforeAll(async () => {
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({
      extensions: ['101'],
      links: {
        order: `${demo.url}?order={code}`,
        client: `${demo.url}?client={code}`,
        courier: `${demo.url}?courier={code}`,
      },
    });
    browser = await pairedBrowser(helper);
    cabinet = await openCabinet(browser, demo.url);
  });

  afterEach(async () => {
    await call?.hangup().catch(() => undefined);
    call = undefined;
    await stopSipp();
  });

  afterAll(async () => {
    await browser?.close();
    await helper?.stop();
    await demo?.close();
  });

  it('"when my phone rings": opens the order page once per call, and reuses its tab for the next', async () => {
    await browser.setSettings({ screenPop: 'ring' });
    await cabinet.bringToFront();
    await startPhone('101', 'answer', { answerAfterMs: 4_000 });
    call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    const [popped] = await waitUntil(orderTabs, (tabs) => tabs.length === 1, 20_000);
    expect(RECIPIENT_ORDERS.map(orderPage)).toContain(popped!.url());
    // Closed at once: the call's later updates (answered) must not open it again.
    await popped!.close();
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('Разговор'),
      20_000,
    );
    await settle(1_500);
    expect(await orderTabs()).toHaveLength(0);
    await call.hangup();
    call = undefined;
    await stopSipp();

    // The page is open again but behind the cabinet: the next call brings that tab forward.
    const reopened = await browser.context.newPage();
    await reopened.goto(popped!.url());
    await cabinet.bringToFront();
    await waitUntil(frontTabUrl, (url) => url === cabinet.url(), 10_000);
    await startPhone('101', 'ring');
    call = await placeInboundCall({
      from: FIXTURE_NUMBERS.recipient,
      did: DIDS.direct,
      ringTimeoutMs: 30_000,
    });
    await waitUntil(frontTabUrl, (url) => url === reopened.url(), 20_000);
    await settle(1_500);
    expect(await orderTabs()).toEqual([reopened]);
    await reopened.close();
  });

  it('"when I answer": never opens for a call answered on another phone, opens for my answer', async () => {
    await browser.setSettings({ screenPop: 'answer' });
    await cabinet.bringToFront();
    // The queue rings 101 and 102 at once; 102 answers, 101 only rings.
    await startPhone('101', 'ring');
    const phone102 = await startPhone('102', 'answer', { answerAfterMs: 1_500 });
    call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.queue });
    await phone102.waitForInvite({ since: 0 });
    await waitUntil(
      () => cardText(cabinet),
      (text) => text.includes('Ответил 102'),
      20_000,
    );
    await settle(2_000);
    expect(await orderTabs()).toHaveLength(0);
    await call.hangup();
    call = undefined;
    await stopSipp();

    await startPhone('101', 'answer', { answerAfterMs: 1_500 });
    call = await placeInboundCall({ from: FIXTURE_NUMBERS.recipient, did: DIDS.direct });
    const tabs = await waitUntil(orderTabs, (list) => list.length === 1, 20_000);
    expect(RECIPIENT_ORDERS.map(orderPage)).toContain(tabs[0]!.url());
  });
});

interface WorkerTabs {
  tabs: {
    query(filter: { active: boolean; lastFocusedWindow: boolean }): Promise<{ url?: string }[]>;
  };
}
