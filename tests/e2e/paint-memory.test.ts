import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension } from '../../harness/extension/build-extension';
import {
  CHROMIUM_ARGS,
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import {
  replacingTablePage,
  sampleMemory,
  type MemorySample,
} from '../../harness/extension/replacing-table';
import { waitUntil } from '../support/e2e/wait-until';

const ROWS = 500;
/** Nodes of one table: a row, four cells and their texts per row. */
const TABLE_NODES = ROWS * 9;
/**
 * What may be alive besides the table in view: a table in flight and one
 * not yet collected, in this browser or the plain one. A leak keeps one
 * table per replacement: 25 tables by the second reading.
 */
const SLACK_NODES = 3 * TABLE_NODES;

async function replacementsReach(page: Page, count: number): Promise<void> {
  await waitUntil(
    () =>
      page.evaluate(() => (window as unknown as { __replacements?: number }).__replacements ?? 0),
    (done) => done >= count,
    60_000,
    200,
  );
}

/**
 * The short version of `npm run soak:paint`: a page swapping its whole table
 * of 500 numbers every 400 ms, painted for about ten seconds, next to the
 * same page in Chromium without the extension.
 */
describe('memory of the painter on a page that keeps replacing its table', () => {
  let siteDir: string;
  let site: StaticServer;
  let browser: ExtensionBrowser;
  let plain: Browser;
  let plainContext: BrowserContext;
  const samples: Record<'painted' | 'plain', MemorySample[]> = { painted: [], plain: [] };

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    siteDir = await mkdtemp(join(tmpdir(), 'ct-replacing-table-'));
    await writeFile(join(siteDir, 'index.html'), replacingTablePage({ rows: ROWS, everyMs: 400 }));
    site = await serveStatic(siteDir);
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.enableSite(site.url);
    plain = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    plainContext = await plain.newContext({ viewport: { width: 1100, height: 760 } });
    const painted = await browser.context.newPage();
    const reference = await plainContext.newPage();
    await Promise.all([painted.goto(site.url), reference.goto(site.url)]);
    for (const checkpoint of [5, 30]) {
      await Promise.all([
        replacementsReach(painted, checkpoint),
        replacementsReach(reference, checkpoint),
      ]);
      samples.painted.push(await sampleMemory(browser.context, painted));
      samples.plain.push(await sampleMemory(plainContext, reference));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await plainContext?.close();
    await plain?.close();
    await site?.close();
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
  });

  it('holds only the current table: no node of a replaced table is kept, nor a range on one', () => {
    const [, end] = samples.painted as [MemorySample, MemorySample];
    expect(end.replacements).toBeGreaterThanOrEqual(30);
    expect(end.staleRanges).toBe(0);
    expect(end.heldTexts).not.toBeNull();
    expect(end.heldTexts!).toBeLessThanOrEqual(ROWS * 2);
    expect(end.heldElements!).toBeLessThanOrEqual(ROWS * 2);
  });

  it('keeps the DOM and the heap as flat as the same page without the extension', () => {
    const [start, end] = samples.painted as [MemorySample, MemorySample];
    const [plainStart, plainEnd] = samples.plain as [MemorySample, MemorySample];
    const summary = JSON.stringify(samples);
    expect(end.nodes - start.nodes, summary).toBeLessThan(SLACK_NODES);
    expect(end.nodes - plainEnd.nodes, summary).toBeLessThan(SLACK_NODES);
    expect(end.heapMb - start.heapMb - (plainEnd.heapMb - plainStart.heapMb), summary).toBeLessThan(
      1.5,
    );
  });
});
