import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { normalizePhone } from '../../shared/phone';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { connectAmi } from '../support/ami';
import type { RawAmiClient } from '../../harness/raw-ami';
import { startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { waitForIdlePhones } from '../support/idle-phones';
import { startRealHelper, type RealHelper } from '../support/real-helper';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { launchFirefox, type FirefoxExtensionBrowser } from '../support/e2e/launch-firefox';
import {
  findTextPoint,
  PHONE_HIGHLIGHT,
  readPaintedRanges,
  type PaintedRange,
} from '../support/e2e/painted-numbers';
import { waitUntil } from '../support/e2e/wait-until';

interface ExpectedPage {
  regions: { selector: string; route?: string; phones: string[] }[];
  shadowHosts: { selector: string; phones: string[] }[];
}

const EXPECTED = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'demo', 'cabinet', 'expected.json'), 'utf8'),
) as ExpectedPage;
const ORDER_REGIONS = EXPECTED.regions.filter((region) => region.route === undefined);
const SHADOW_HOSTS = EXPECTED.shadowHosts.map((host) => host.selector);
const WRITTEN = '8 (916) 123-45-67';
const DIALLED = '+79161234567';
const OPERATOR_LEG = { Event: 'Newchannel', Channel: /^PJSIP\/101-/ } as const;
const ORIGINATED = { Event: 'OriginateResponse' } as const;

function painted(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(readPaintedRanges, {
    name: PHONE_HIGHLIGHT,
    regions: ORDER_REGIONS.map((region) => region.selector),
    hosts: SHADOW_HOSTS,
  });
}

async function pointAt(page: Page, written: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(findTextPoint, written);
  if (!point) throw new Error(`"${written}" is not on the page`);
  return point;
}

/**
 * The same painting and click-to-call in Debian's Firefox ESR, driven over
 * WebDriver BiDi, with the Firefox build of the extension as a temporary
 * add-on, the real helper, Asterisk 22 and sipp. Kept to what differs by
 * engine; the rest is proven in Chromium.
 */
describe('painted numbers and click-to-call in Firefox ESR', () => {
  let firefox: FirefoxExtensionBrowser;
  let demo: StaticServer;
  let helper: RealHelper;
  let ami: RawAmiClient;
  let page: Page;

  beforeAll(async () => {
    const extensionDir = await buildExtension('firefox');
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    helper = await startRealHelper({ extensions: ['101'] });
    ami = await connectAmi('admin');
    firefox = await launchFirefox({ extensionDir, viewport: { width: 1100, height: 4000 } });
    await firefox.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'en' });
    const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
    await firefox.pair((await store.createPairingCode()).code);
    await waitUntil(
      () => firefox.buttonTitle(),
      (title) => title.includes('Connected'),
      30_000,
    );
    await firefox.enableSite(demo.url);
    page = await firefox.newPage();
    await page.goto(demo.url);
    // The second page of orders comes by itself 1.5 s after the page opens.
    await page.waitForSelector("#orders-body tr[data-page='2']", { timeout: 15_000 });
    await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap');
      if (wrap) wrap.scrollLeft = wrap.scrollWidth;
    });
  });

  afterEach(async () => {
    await stopSipp();
    await waitForIdlePhones(['101']);
  });

  afterAll(async () => {
    await ami?.close();
    await firefox?.close();
    await helper?.stop();
    await demo?.close();
  });

  it("paints exactly the numbers of expected.json, the component's shadow root included", async () => {
    const total =
      ORDER_REGIONS.flatMap((region) => region.phones).length +
      EXPECTED.shadowHosts.flatMap((host) => host.phones).length;
    const ranges = await waitUntil(
      () => painted(page),
      (now) => now.length >= total,
      15_000,
    );
    for (const region of ORDER_REGIONS) {
      expect(
        ranges
          .filter((range) => range.region === region.selector)
          .map((range) => normalizePhone(range.text)?.e164),
        region.selector,
      ).toEqual(region.phones);
    }
    for (const host of EXPECTED.shadowHosts) {
      expect(
        ranges
          .filter((range) => range.host === host.selector)
          .map((range) => normalizePhone(range.text)?.e164),
        host.selector,
      ).toEqual(host.phones);
    }
    expect(ranges.filter((range) => range.region === null && range.host === null)).toEqual([]);
  });

  it("ignores a page script's click, and a person's click rings phone 101 first, then the far end gets the E.164 number", async () => {
    const operatorPhone = await startPhone('101', 'answer', { answerAfterMs: 1_500 });
    const farEnd = await startFarEnd('answer', { answerAfterMs: 500, hangupAfterMs: 1_500 });
    const since = ami.mark();
    const point = await pointAt(page, WRITTEN);
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y);
      target?.dispatchEvent(
        new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y }),
      );
      (target as HTMLElement | null)?.click();
    }, point);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(ami.filter(ORIGINATED, since)).toEqual([]);

    await page.mouse.click(point.x, point.y);
    const ringsYou = await operatorPhone.waitForInvite({ since: 0, timeoutMs: 15_000 });
    expect(ringsYou).toBeDefined();
    expect(farEnd.invites()).toHaveLength(0);
    const dialled = await farEnd.waitForInvite({ since: 0, timeoutMs: 15_000 });
    expect(dialled.dialled).toBe(DIALLED);
    expect(ami.filter(OPERATOR_LEG, since)).toHaveLength(1);
  });
});
