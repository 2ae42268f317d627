import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/phone';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { CabinetTab, type CabinetView } from '../support/e2e/cabinet-tab';
import { shadowUiText } from '../support/e2e/card-text';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import {
  nearMisses,
  phoneLinks,
  phonesBySelector,
  phonesInShadowHosts,
  snapshotPage,
  type NearMiss,
  type PageSnapshot,
  type PhoneLinkInfo,
} from '../support/e2e/page-snapshot';
import { screenshot, SCREENSHOT_DIR } from '../support/e2e/screenshot';
import { waitUntil, WaitTimeoutError } from '../support/e2e/wait-until';

/** `demo/cabinet/expected.json`: what the content script must do on the demo page. */
interface ExpectedPage {
  regions: {
    name: string;
    selector: string;
    route?: string;
    loadedLater?: boolean;
    phones: string[];
  }[];
  shadowHosts: { selector: string; phones: string[] }[];
  telLinks: { selector: string; phone: string }[];
  untouched: { values: { selector: string; value: string }[]; subtrees: string[] };
  nearMisses: string[];
  nearMissesLoadedLater: string[];
  nearMissesInClientCards: string[];
}

const EXPECTED = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'demo', 'cabinet', 'expected.json'), 'utf8'),
) as ExpectedPage;
const REGION_SELECTORS = [...new Set(EXPECTED.regions.map((region) => region.selector))];
const SHADOW_HOSTS = EXPECTED.shadowHosts.map((host) => host.selector);
const ALL_NEAR_MISSES = [
  ...EXPECTED.nearMisses,
  ...EXPECTED.nearMissesLoadedLater,
  ...EXPECTED.nearMissesInClientCards,
];
const DEMO_PATTERN = 'http://127.0.0.1/*';

/** Chromium as the extension browser starts it, for the reference browser without the extension. */
const PLAIN_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The views every walk through the cabinet passes, in order. */
const STEPS: ((tab: CabinetTab) => Promise<void>)[] = [
  async () => undefined,
  (tab) => tab.releasePageTwo(),
  (tab) => tab.openClient('1'),
  (tab) => tab.back('orders again', null),
  (tab) => tab.openClient('2'),
  async (tab) => {
    await tab.back('orders once more', null);
    await tab.forward('client 2 again', '?client=2');
  },
];

/** The phones each region selector must hold in one view; route regions share `#client-view`. */
function expectedPhones(view: CabinetView): Record<string, string[]> {
  const phones: Record<string, string[]> = {};
  for (const region of EXPECTED.regions) {
    if (region.route === undefined) {
      phones[region.selector] = region.loadedLater && !view.pageTwo ? [] : region.phones;
    } else {
      phones[region.selector] ??= [];
    }
  }
  for (const region of EXPECTED.regions) {
    if (region.route !== undefined && region.route === view.route) {
      phones[region.selector] = region.phones;
    }
  }
  return phones;
}

interface ViewRecord {
  view: CabinetView;
  expected: Record<string, string[]>;
  regions: Record<string, string[]>;
  shadow: Record<string, string[]>;
  links: PhoneLinkInfo[];
  nearMisses: NearMiss[];
  /** Live values of the fields `expected.json` names as untouched. */
  fieldValues: string[];
  snapshot: PageSnapshot;
}

/** Polls until `done` holds; on timeout returns the last value so the assertion shows the difference. */
async function settle<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  try {
    return await waitUntil(read, done, 15_000);
  } catch (error) {
    if (error instanceof WaitTimeoutError) return read();
    throw error;
  }
}

/** Opens the cabinet and passes every view, calling `look` at each. */
async function walkCabinet(
  context: BrowserContext,
  url: string,
  look: (tab: CabinetTab) => Promise<void>,
): Promise<void> {
  const tab = await CabinetTab.open(context, url);
  try {
    for (const step of STEPS) {
      await step(tab);
      await look(tab);
    }
  } finally {
    await tab.close();
  }
}

/** Every view's snapshot, from a browser where nothing touches the page. */
async function referenceSnapshots(
  context: BrowserContext,
  url: string,
): Promise<Map<string, PageSnapshot>> {
  const snapshots = new Map<string, PageSnapshot>();
  await walkCabinet(context, url, async (tab) => {
    snapshots.set(tab.view.name, await snapshotPage(tab.page, EXPECTED.untouched.subtrees));
  });
  return snapshots;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('the demo cabinet in Chromium with the built extension, numbers as inserted links', () => {
  let demo: StaticServer;
  let otherSite: StaticServer;
  let plain: Browser;
  let plainContext: BrowserContext;
  let reference: Map<string, PageSnapshot>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    otherSite = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    plain = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: PLAIN_ARGS,
    });
    plainContext = await plain.newContext({
      locale: 'en-US',
      viewport: { width: 1100, height: 760 },
    });
    reference = await referenceSnapshots(plainContext, demo.url);
    browser = await launchExtensionBrowser({ extensionDir });
    // This file is the inserted-link rendering's; the painted one has its own.
    await browser.setSettings({ rendering: 'links' });
  });

  afterAll(async () => {
    await browser?.close();
    await plainContext?.close();
    await plain?.close();
    await otherSite?.close();
    await demo?.close();
  });

  describe('before the site is enabled', () => {
    it('leaves the page as it is, although the browser grants access to its host', async () => {
      expect(await browser.registeredMatches()).toEqual([]);
      await walkCabinet(browser.context, demo.url, async (tab) => {
        const snapshot = await snapshotPage(tab.page, EXPECTED.untouched.subtrees);
        expect(snapshot.rawHtml, tab.view.name).toBe(reference.get(tab.view.name)?.rawHtml);
        expect(await phoneLinks(tab.page, REGION_SELECTORS, SHADOW_HOSTS)).toEqual([]);
      });
    });
  });

  describe('with the site enabled', () => {
    const records: ViewRecord[] = [];

    beforeAll(async () => {
      expect(await browser.enableSite(demo.url)).toBe(DEMO_PATTERN);
      await walkCabinet(browser.context, demo.url, async (tab) => {
        const expected = expectedPhones(tab.view);
        const shadowExpected = Object.fromEntries(
          EXPECTED.shadowHosts.map((host) => [host.selector, host.phones]),
        );
        const telExpected = EXPECTED.telLinks.map((link) => link.phone);
        const readTel = () =>
          tab.page.evaluate(
            (selectors) =>
              selectors.map(
                (selector) => document.querySelector<HTMLElement>(selector)?.dataset.phone ?? '',
              ),
            EXPECTED.telLinks.map((link) => link.selector),
          );
        // The content script works in slices and follows later DOM changes: wait until it is done.
        const regions = await settle(
          () => phonesBySelector(tab.page, REGION_SELECTORS),
          (value) => sameJson(value, expected),
        );
        const shadow = await settle(
          () => phonesInShadowHosts(tab.page, SHADOW_HOSTS),
          (value) => sameJson(value, shadowExpected),
        );
        await settle(readTel, (value) => sameJson(value, telExpected));
        records.push({
          view: tab.view,
          expected,
          regions,
          shadow,
          links: await phoneLinks(tab.page, REGION_SELECTORS, SHADOW_HOSTS),
          nearMisses: await nearMisses(tab.page, ALL_NEAR_MISSES),
          fieldValues: await tab.page.evaluate(
            (selectors) =>
              selectors.map(
                (selector) =>
                  document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ??
                  '',
              ),
            EXPECTED.untouched.values.map((field) => field.selector),
          ),
          snapshot: await snapshotPage(tab.page, EXPECTED.untouched.subtrees),
        });
        // Playwright's own screenshot hides the caret through inline styles it leaves behind as
        // `style=""` on every field, which the comparisons here would take for a change.
        await tab.page.screenshot({
          path: join(SCREENSHOT_DIR, `demo-links-${tab.view.name.replace(/\s+/g, '-')}.png`),
          fullPage: true,
          caret: 'initial',
        });
      });
    });

    it('passes every view of the walk: first page, later rows, two client cards, back and forward', () => {
      expect(records.map((record) => record.view.name)).toEqual([
        'first page',
        'second page loaded',
        'client 1',
        'orders again',
        'client 2',
        'client 2 again',
      ]);
    });

    it('links the phones of every region in document order, in every view', () => {
      for (const record of records) {
        expect(record.regions, record.view.name).toEqual(record.expected);
        for (const host of EXPECTED.shadowHosts) {
          expect(record.shadow[host.selector], `${record.view.name}: ${host.selector}`).toEqual(
            host.phones,
          );
        }
      }
    });

    it("puts every link inside a region, and each link's text reads as its number", () => {
      for (const record of records) {
        const created = record.links.filter((link) => link.created);
        const expectedCount =
          Object.values(record.expected).flat().length +
          EXPECTED.shadowHosts.flatMap((host) => host.phones).length;
        expect(created, record.view.name).toHaveLength(expectedCount);
        for (const link of created) {
          expect(link.container, `${record.view.name}: "${link.text}"`).not.toBeNull();
          expect(normalizePhone(link.text)?.e164, `${record.view.name}: "${link.text}"`).toBe(
            link.e164,
          );
        }
      }
    });

    it('links none of the numbers that are not phones', () => {
      for (const text of ALL_NEAR_MISSES) {
        const seen = records.flatMap((record) =>
          record.nearMisses
            .filter((miss) => miss.text === text)
            .map((miss) => ({ view: record.view.name, ...miss })),
        );
        // A string found nowhere would make the check below pass for nothing.
        expect(
          seen.some((miss) => miss.found > 0),
          `"${text}" is not on the page`,
        ).toBe(true);
        for (const miss of seen) {
          expect(miss.linked, `${miss.view}: "${text}" touches a phone link`).toBe(0);
        }
      }
    });

    it('takes the tel: links over as they are, without making links of its own there', () => {
      for (const record of records) {
        const taken = record.links.filter((link) => !link.created);
        expect(
          taken.map((link) => link.e164),
          record.view.name,
        ).toEqual(EXPECTED.telLinks.map((link) => link.phone));
        expect(
          taken.map((link) => link.container),
          record.view.name,
        ).toEqual(EXPECTED.telLinks.map(() => null));
      }
    });

    it('changes no input, textarea, select, editable note, log or code', () => {
      for (const record of records) {
        const before = reference.get(record.view.name);
        expect(record.snapshot.values, record.view.name).toEqual(before?.values);
        expect(record.snapshot.subtrees, record.view.name).toEqual(before?.subtrees);
        for (const [selector, html] of Object.entries(record.snapshot.subtrees)) {
          expect(html, `${record.view.name}: ${selector}`).not.toBe('');
          expect(html, `${record.view.name}: ${selector}`).not.toContain('data-phone');
        }
      }
      for (const record of records) {
        expect(record.fieldValues, record.view.name).toEqual(
          EXPECTED.untouched.values.map((field) => field.value),
        );
      }
    });

    it('keeps the visible text, and everything but the links themselves, as it was', () => {
      for (const record of records) {
        const before = reference.get(record.view.name);
        expect(record.snapshot.innerText, record.view.name).toBe(before?.innerText);
        expect(record.snapshot.plainHtml, record.view.name).toBe(before?.plainHtml);
        expect(record.snapshot.plainShadowHtml, record.view.name).toEqual(before?.rawShadowHtml);
      }
    });

    it('leaves a second local site that was not enabled untouched, also after a wait', async () => {
      const otherUrl = otherSite.url.replace('127.0.0.1', 'localhost');
      await walkCabinet(browser.context, otherUrl, async (tab) => {
        const before = reference.get(tab.view.name);
        const now = await snapshotPage(tab.page, EXPECTED.untouched.subtrees);
        expect(now.rawHtml, tab.view.name).toBe(before?.rawHtml);
        expect(now.rawShadowHtml, tab.view.name).toEqual(before?.rawShadowHtml);
        expect(await tab.page.locator('a.ct-phone').count()).toBe(0);
        if (tab.view.name === 'client 2 again') {
          await new Promise((resolve) => setTimeout(resolve, 4_000));
          const later = await snapshotPage(tab.page, EXPECTED.untouched.subtrees);
          expect(later.rawHtml).toBe(now.rawHtml);
          expect(await phoneLinks(tab.page, REGION_SELECTORS, SHADOW_HOSTS)).toEqual([]);
        }
      });
    });

    it("sends a person's click on a taken-over tel: link to the extension, not to the system", async () => {
      const [hotline] = EXPECTED.telLinks;
      if (!hotline) throw new Error('expected.json lists no tel: link');
      const tab = await CabinetTab.open(browser.context, demo.url);
      try {
        const link = tab.page.locator(hotline.selector);
        await waitUntil(
          () => link.getAttribute('data-phone'),
          (phone) => phone === hotline.phone,
          15_000,
        );
        await link.click();
        // No helper is paired in this browser: the toast says so, for the link's number.
        const text = await waitUntil(
          () => shadowUiText(tab.page, 'ct-dial-toast'),
          (t) => t.includes('Could not call +7 800 555-35-35'),
          15_000,
        );
        expect(text).toContain('The extension is not paired with the helper.');
        expect(new URL(tab.page.url()).pathname).toBe('/');
        await screenshot(tab.page, 'demo-links-tel-takeover-toast');
      } finally {
        await tab.close();
      }
    });
  });
});
