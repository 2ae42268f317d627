import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/phone';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { CabinetTab } from '../support/e2e/cabinet-tab';
import { failedDialToast, shadowUiText } from '../support/e2e/card-text';
import { pressDialShortcut } from '../support/e2e/dial-shortcut';
import {
  CHROMIUM_ARGS,
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import {
  paintedRanges,
  pointAtText,
  waitForPainted,
  type PaintedRange,
} from '../support/e2e/painted-numbers';
import { screenshot } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';

/** The parts of `demo/cabinet/expected.json` this file checks. */
interface ExpectedPage {
  regions: { selector: string; route?: string; phones: string[] }[];
  shadowHosts: { selector: string; phones: string[] }[];
  telLinks: { selector: string; phone: string }[];
  nearMisses: string[];
  nearMissesLoadedLater: string[];
}

const EXPECTED = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'demo', 'cabinet', 'expected.json'), 'utf8'),
) as ExpectedPage;
/** The orders view with both pages of rows: every region but the client cards. */
const ORDER_REGIONS = EXPECTED.regions.filter((region) => region.route === undefined);
const SHADOW_HOSTS = EXPECTED.shadowHosts.map((host) => host.selector);
/** Tall enough that the whole demo page is near the viewport, so every number is painted. */
const TALL = { width: 1100, height: 4000 };
/** As the demo page writes it, in the orders table (order RM-000102). */
const WRITTEN = '8 (916) 123-45-67';
const SHOWN = '+7 916 123-45-67';
const HOVER_HOST = 'ct-phone-hover';

/**
 * Installed in the page's own world before any of its scripts: records every
 * mutation of the document (nodes, attributes, text) as one line each.
 */
const RECORD_MUTATIONS = `(() => {
  const log = [];
  const name = (node) => node.nodeType === 1 ? node.localName + (node.id ? '#' + node.id : '') : '#' + node.nodeName;
  new MutationObserver((records) => {
    for (const r of records) {
      log.push([r.type, name(r.target), r.attributeName || '',
        [...r.addedNodes].map(name).join(','), [...r.removedNodes].map(name).join(',')].join(' '));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__pageMutations = log;
})();`;

interface PageState {
  html: string;
  shadowHtml: string[];
  mutations: string[];
}

function readState(page: Page): Promise<PageState> {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    shadowHtml: [...document.querySelectorAll('*')].flatMap((element) =>
      element.shadowRoot ? [element.shadowRoot.innerHTML] : [],
    ),
    mutations: [...(window as unknown as { __pageMutations: string[] }).__pageMutations],
  }));
}

/** The orders view with its second page in, as the page itself left it. */
async function ordersWithPageTwo(context: BrowserContext, url: string): Promise<CabinetTab> {
  const tab = await CabinetTab.open(context, url);
  await tab.releasePageTwo();
  return tab;
}

/** Bounding boxes of every element in the body: the page's layout, to compare. */
function layoutOf(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .map((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return `${x},${y},${width},${height}`;
      })
      .join(';'),
  );
}

describe('numbers painted on the demo cabinet in Chromium, with nothing in the page changed', () => {
  let demo: StaticServer;
  let plain: Browser;
  let plainContext: BrowserContext;
  let reference: PageState;
  let browser: ExtensionBrowser;
  let tab: CabinetTab;
  let painted: PaintedRange[];

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    plain = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    plainContext = await plain.newContext({ locale: 'en-US', viewport: TALL });
    await plainContext.addInitScript(RECORD_MUTATIONS);
    const plainTab = await ordersWithPageTwo(plainContext, demo.url);
    reference = await readState(plainTab.page);
    await plainTab.close();

    browser = await launchExtensionBrowser({ extensionDir, viewport: TALL });
    await browser.setSettings({ language: 'en' });
    await browser.enableSite(demo.url);
    await browser.context.addInitScript(RECORD_MUTATIONS);
    tab = await ordersWithPageTwo(browser.context, demo.url);
    // The couriers' column is scrolled out of the table's box: numbers there are painted as they come near.
    await tab.page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap');
      if (wrap) wrap.scrollLeft = wrap.scrollWidth;
    });
    const total =
      ORDER_REGIONS.flatMap((region) => region.phones).length +
      EXPECTED.shadowHosts.flatMap((host) => host.phones).length;
    painted = await waitUntil(
      () =>
        paintedRanges(
          tab.page,
          ORDER_REGIONS.map((region) => region.selector),
          SHADOW_HOSTS,
        ),
      (ranges) => ranges.length >= total,
      15_000,
    );
  });

  afterAll(async () => {
    await tab?.close();
    await browser?.close();
    await plainContext?.close();
    await plain?.close();
    await demo?.close();
  });

  it("paints exactly the numbers of expected.json, region by region and in the component's shadow root", () => {
    for (const region of ORDER_REGIONS) {
      const numbers = painted
        .filter((range) => range.region === region.selector)
        .map((range) => normalizePhone(range.text)?.e164);
      expect(numbers, region.selector).toEqual(region.phones);
    }
    for (const host of EXPECTED.shadowHosts) {
      const numbers = painted
        .filter((range) => range.host === host.selector)
        .map((range) => normalizePhone(range.text)?.e164);
      expect(numbers, host.selector).toEqual(host.phones);
    }
    // Nothing painted outside the regions: not the fields, the log, the footer's tel: links.
    expect(painted.filter((range) => range.region === null && range.host === null)).toEqual([]);
  });

  it('paints none of the near-misses', async () => {
    const touched = await tab.page.evaluate(
      ({ name, misses }) => {
        const ranges = [...(CSS.highlights.get(name) ?? [])] as StaticRange[];
        const found: Record<string, { found: number; painted: number }> = {};
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (
          let node = walker.nextNode() as Text | null;
          node;
          node = walker.nextNode() as Text | null
        ) {
          const data = node.data.replace(/\s+/g, ' ');
          for (const miss of misses) {
            for (let at = data.indexOf(miss); at >= 0; at = data.indexOf(miss, at + 1)) {
              const entry = (found[miss] ??= { found: 0, painted: 0 });
              entry.found++;
              const overlaps = ranges.some(
                (range) =>
                  range.startContainer === node &&
                  range.startOffset < at + miss.length &&
                  range.endOffset > at,
              );
              if (overlaps) entry.painted++;
            }
          }
        }
        return found;
      },
      { name: 'ct-phone', misses: [...EXPECTED.nearMisses, ...EXPECTED.nearMissesLoadedLater] },
    );
    const all = [...EXPECTED.nearMisses, ...EXPECTED.nearMissesLoadedLater];
    // The pager's first-page text is replaced once the second page is in.
    expect(all.filter((miss) => !touched[miss])).toEqual(['Показано 8 из 14']);
    for (const miss of all) expect(touched[miss]?.painted ?? 0, `"${miss}" is painted`).toBe(0);
  });

  it("leaves the page's DOM byte-identical and gives its MutationObserver nothing to see", async () => {
    const now = await readState(tab.page);
    expect(now.html).toBe(reference.html);
    expect(now.shadowHtml).toEqual(reference.shadowHtml);
    expect(now.mutations).toEqual(reference.mutations);
    // The tel: links are taken over at click time, without a mark on them.
    for (const link of EXPECTED.telLinks) {
      expect(await tab.page.locator(link.selector).getAttribute('data-phone')).toBeNull();
    }
  });

  it('shows the hand cursor and a tooltip from its own host, the last child of <html>, only while hovering, and the page does not move', async () => {
    await waitForPainted(tab.page, WRITTEN);
    const mutationsBefore = (await readState(tab.page)).mutations.length;
    const point = await pointAtText(tab.page, WRITTEN);
    if (!point) throw new Error(`"${WRITTEN}" is not on the page`);
    const layoutBefore = await layoutOf(tab.page);
    await tab.page.mouse.move(point.x, point.y);
    const tooltip = await waitUntil(
      async () => {
        const text = await shadowUiText(tab.page, HOVER_HOST);
        // A loaded machine may paint the number after the pointer arrived: nudge it, as a
        // hand on the mouse would, so the next move over the painted number is seen.
        if (text === '') {
          await tab.page.mouse.move(point.x + 1, point.y);
          await tab.page.mouse.move(point.x, point.y);
        }
        return text;
      },
      (text) => text !== '',
      15_000,
    );
    expect(tooltip).toBe(`Call ${SHOWN}`);
    expect(
      await tab.page.evaluate(() => document.documentElement.lastElementChild?.localName),
    ).toBe(HOVER_HOST);
    // The element under the pointer is our host, whose box asks for the hand.
    expect(await hoverCursor(tab.page)).toBe('pointer');
    expect(await layoutOf(tab.page)).toBe(layoutBefore);

    await tab.page.mouse.move(5, 5);
    await waitUntil(
      () => tab.page.evaluate((name) => document.querySelector(name) === null, HOVER_HOST),
      Boolean,
      15_000,
    );
    const added = (await readState(tab.page)).mutations.slice(mutationsBefore);
    // The only mutations: our host going in as the last child of <html>, and out again.
    expect(added).toEqual([`childList html  ${HOVER_HOST} `, `childList html   ${HOVER_HOST}`]);
    expect(await layoutOf(tab.page)).toBe(layoutBefore);
    await tab.page.mouse.move(point.x, point.y);
    await waitUntil(
      () => shadowUiText(tab.page, HOVER_HOST),
      (text) => text !== '',
      15_000,
    );
    // Playwright's screenshot styles the page's fields to hide carets: taken after the records.
    await screenshot(tab.page, 'paint-hover-tooltip');
  });

  it("dials on a person's click and never on a script's", async () => {
    const point = await pointAtText(tab.page, WRITTEN);
    if (!point) throw new Error(`"${WRITTEN}" is not on the page`);
    await tab.page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y);
      const init = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
      target?.dispatchEvent(new MouseEvent('mousedown', init));
      target?.dispatchEvent(new MouseEvent('mouseup', init));
      target?.dispatchEvent(new MouseEvent('click', init));
      (target as HTMLElement | null)?.click();
    }, point);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await shadowUiText(tab.page, 'ct-dial-toast')).toBe('');

    await tab.page.mouse.click(point.x, point.y);
    // No helper is paired in this browser: the toast says so, for the clicked number.
    const text = await failedDialToast(tab.page, SHOWN);
    expect(text).toContain('The extension is not paired with the helper.');
    // The toast's host, like the hover card's, sits outside the page's content.
    // (The hover card's host may go in after it, as the pointer rests on the number.)
    expect(
      await tab.page.evaluate(() => ({
        parent: document.querySelector('ct-dial-toast')?.parentElement?.localName,
        inBody: document.body.querySelector('ct-dial-toast') !== null,
      })),
    ).toEqual({ parent: 'html', inBody: false });
  });

  it('dials the number at the caret when the keyboard shortcut reaches the tab', async () => {
    const courier = '8-916-700-80-90';
    await tab.page.evaluate((wanted) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (
        let node = walker.nextNode() as Text | null;
        node;
        node = walker.nextNode() as Text | null
      ) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        document.getSelection()?.collapse(node, at + 3);
        return;
      }
    }, courier);
    await tab.page.bringToFront();
    await pressDialShortcut(browser, demo.url);
    await failedDialToast(tab.page, '+7 916 700-80-90');
  });
});

/** The computed cursor of the hover box inside our closed shadow root, read through DevTools. */
async function hoverCursor(page: Page): Promise<string | undefined> {
  interface CdpNode {
    nodeId: number;
    nodeName: string;
    attributes?: string[];
    children?: CdpNode[];
    shadowRoots?: CdpNode[];
  }
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const find = (node: CdpNode): CdpNode | undefined => {
      const classIndex = node.attributes?.indexOf('class') ?? -1;
      if (classIndex >= 0 && node.attributes?.[classIndex + 1] === 'box') return node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const box = find(root);
    if (!box) return undefined;
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
      nodeId: box.nodeId,
    })) as { computedStyle: { name: string; value: string }[] };
    return computedStyle.find((entry) => entry.name === 'cursor')?.value;
  } finally {
    await cdp.detach();
  }
}
