import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { failedDialToast, shadowUiText } from '../support/e2e/card-text';
import { paintedRanges, pointAtText } from '../support/e2e/painted-numbers';
import { waitUntil } from '../support/e2e/wait-until';

const ROWS = 3_000;
const HOVER_HOST = 'ct-phone-hover';

/** The seven digits after 916 of row `index`, different for every row. */
function digitsOf(index: number): string {
  return String(1_000_000 + index * 37).slice(-7);
}

function writtenOf(index: number): string {
  const d = digitsOf(index);
  return `8 (916) ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

function shownOf(index: number): string {
  const d = digitsOf(index);
  return `+7 916 ${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

/**
 * A long orders table (one phone per row among other cells) whose rows have
 * their own `:hover` style and click handler, as a cabinet's rows often do:
 * the handler logs which cell each click reached.
 */
function longTablePage(): string {
  const rows = Array.from(
    { length: ROWS },
    (_, index) =>
      `<tr data-row="${index}"><td>RM-${100_000 + index}</td><td class="phone">${writtenOf(index)}</td>` +
      `<td>${(index % 28) + 1}.11.2025, 10:00–14:00</td></tr>`,
  ).join('');
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Заказы</title>
<style>td { padding: 4px 12px; } tr:hover { background: #eef; }</style></head>
<body><table><tbody id="rows">${rows}</tbody></table>
<script>
window.__rowClicks = [];
document.getElementById('rows').addEventListener('click', (event) => {
  const cell = event.target.closest('td');
  window.__rowClicks.push(cell.parentElement.dataset.row + ':' + cell.cellIndex + (event.shiftKey ? ':shift' : ''));
});
</script></body></html>`;
}

/** Phones of the rows in the viewport, and how many of them are painted. */
function viewportPhones(page: Page): Promise<{ inView: number; painted: number }> {
  return page.evaluate(() => {
    const painted = new Set(
      [...(CSS.highlights.get('ct-phone') ?? [])].map((range) => range.startContainer),
    );
    let inView = 0;
    let done = 0;
    for (const cell of document.querySelectorAll('td.phone')) {
      const { top, bottom } = cell.getBoundingClientRect();
      if (bottom < 0 || top > innerHeight) continue;
      inView++;
      if (painted.has(cell.firstChild!)) done++;
    }
    return { inView, painted: done };
  });
}

function rowClicks(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __rowClicks: string[] }).__rowClicks]);
}

/** Scrolls at once so that row `index` is in the middle of the viewport. */
function jumpToRow(page: Page, index: number): Promise<void> {
  return page.evaluate((row) => {
    document.querySelector(`tr[data-row="${row}"]`)!.scrollIntoView({ block: 'center' });
  }, index);
}

describe('a 3,000-row table: painted where the operator looks, callable everywhere', () => {
  let siteDir: string;
  let site: StaticServer;
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    siteDir = await mkdtemp(join(tmpdir(), 'ct-long-table-'));
    await writeFile(join(siteDir, 'index.html'), longTablePage());
    site = await serveStatic(siteDir);
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.enableSite(site.url);
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(site.url);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
  });

  it('paints the numbers in view, and only those near it: the rest of the table is watched in blocks', async () => {
    const first = await waitUntil(
      () => viewportPhones(page),
      (seen) => seen.inView > 0 && seen.painted === seen.inView,
      15_000,
    );
    expect(first.inView).toBeGreaterThan(5);
    const session = await waitUntil(
      () =>
        page.evaluate(() => {
          const entry = performance.getEntriesByName('ct:paint').at(-1) as
            PerformanceMeasure | undefined;
          return entry?.detail as
            { painted: number; watchedElements: number; highlightChanges: number } | undefined;
        }),
      (detail) => detail !== undefined,
      15_000,
    );
    // Rows near the viewport (a viewport and half of one each side), not the 3,000.
    expect(session!.painted).toBeGreaterThanOrEqual(first.inView);
    expect(session!.painted).toBeLessThan(200);
    // One watched row per block of 16, and the last: not one per cell.
    expect(session!.watchedElements).toBeLessThan(ROWS / 10);
    expect((await paintedRanges(page)).length).toBeLessThan(200);
    // Every change to the highlight repaints the whole table: the first batch already holds
    // what the observer's first report finds near, so loading costs one change, not two.
    expect(session!.highlightChanges).toBe(1);
  });

  it('paints every number in view after a jump to anywhere in the table', async () => {
    for (const row of [2_400, 900, ROWS - 1]) {
      await jumpToRow(page, row);
      await waitUntil(
        () => viewportPhones(page),
        (seen) => seen.inView > 0 && seen.painted === seen.inView,
        15_000,
      );
    }
  });

  it('dials a number clicked at once after a jump, painted yet or not', async () => {
    const row = 1_700;
    await jumpToRow(page, row);
    const point = await pointAtText(page, writtenOf(row));
    if (!point) throw new Error(`row ${row} is not on the page`);
    await page.mouse.click(point.x, point.y);
    // No helper is paired in this browser: the toast names the clicked number.
    expect(await failedDialToast(page, shownOf(row))).toContain(
      'The extension is not paired with the helper.',
    );
  });

  it("takes the plain click on a hovered number to dial; Shift-clicks and the row's other cells reach the page", async () => {
    const row = 1_210;
    await jumpToRow(page, row);
    await waitUntil(
      () => viewportPhones(page),
      (seen) => seen.inView > 0 && seen.painted === seen.inView,
      15_000,
    );
    const point = await pointAtText(page, writtenOf(row));
    if (!point) throw new Error(`row ${row} is not on the page`);
    const before = await rowClicks(page);

    await page.mouse.move(point.x, point.y);
    await waitUntil(
      () => shadowUiText(page, HOVER_HOST),
      (text) => text === `Call ${shownOf(row)}`,
      15_000,
    );
    await page.mouse.click(point.x, point.y);
    await failedDialToast(page, shownOf(row));
    // The box over the number took the click: the page's row handler did not see it.
    expect(await rowClicks(page)).toEqual(before);

    // With Shift held the box is gone: the click is the page's, and nothing is dialled.
    await page.keyboard.down('Shift');
    await waitUntil(
      () => page.evaluate((name) => document.querySelector(name) === null, HOVER_HOST),
      Boolean,
      15_000,
    );
    await page.mouse.click(point.x, point.y);
    await page.keyboard.up('Shift');
    // The row's first cell, beside the number, is the page's as always.
    const orderCell = await pointAtText(page, `RM-${100_000 + row}`);
    if (!orderCell) throw new Error(`row ${row}'s order is not on the page`);
    await page.mouse.click(orderCell.x, orderCell.y);
    expect(await rowClicks(page)).toEqual([...before, `${row}:1:shift`, `${row}:0`]);
  });
});
