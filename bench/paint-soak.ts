/**
 * Memory soak of the painted rendering: a page that replaces its whole table
 * of 2,000 numbers every 2 s, for 10 minutes, in Chromium with the built
 * extension, next to the same page in Chromium without it (the baseline, in
 * the same run). Every 30 s both renderers collect garbage and are read: the
 * JavaScript heap (the page's scripts and the content script's world), the
 * live DOM nodes (detached ones included: what stray references would keep)
 * and the painter's own count of the text nodes and elements it holds.
 * Growth is the last reading minus the one after the first minute. The last
 * line is the headline: `paint_soak_heap_growth_mb <value> MB`.
 *
 *   npm run soak:paint                 # 10 minutes
 *   npm run soak:paint -- --minutes 2
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../harness/serve-static';
import { buildExtension } from '../harness/extension/build-extension';
import {
  CHROMIUM_ARGS,
  launchExtensionBrowser,
} from '../harness/extension/launch-extension-browser';
import {
  replacingTablePage,
  sampleMemory,
  type MemorySample,
} from '../harness/extension/replacing-table';

const ROWS = 2_000;
const EVERY_MS = 2_000;
const SAMPLE_EVERY_MS = 30_000;

class SoakError extends Error {
  override readonly name = 'SoakError';
}

function minutesFrom(args: readonly string[]): number {
  if (args.length === 0) return 10;
  const [flag, value] = args;
  const minutes = Number(value);
  if (flag !== '--minutes' || !Number.isFinite(minutes) || minutes < 1 || args.length > 2) {
    throw new SoakError('Usage: npm run soak:paint [-- --minutes N] (N ≥ 1; 10 by default).');
  }
  return minutes;
}

function line(label: string, sample: MemorySample): string {
  const held =
    sample.heldTexts === null
      ? ''
      : `, holds ${sample.heldTexts} texts / ${sample.heldElements} elements`;
  return `${label}: heap ${sample.heapMb.toFixed(2)} MB, DOM nodes ${sample.nodes}, tables ${sample.replacements}${held}, stale ranges ${sample.staleRanges}`;
}

async function main(): Promise<void> {
  const minutes = minutesFrom(process.argv.slice(2));
  const extensionDir = await buildExtension();
  const siteDir = await mkdtemp(join(tmpdir(), 'ct-paint-soak-'));
  await writeFile(
    join(siteDir, 'index.html'),
    replacingTablePage({ rows: ROWS, everyMs: EVERY_MS }),
  );
  const site = await serveStatic(siteDir);
  const painted = await launchExtensionBrowser({ extensionDir });
  const plain = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await painted.enableSite(site.url);
    const plainContext = await plain.newContext({ viewport: { width: 1100, height: 760 } });
    const paintedPage = await painted.context.newPage();
    const plainPage = await plainContext.newPage();
    await Promise.all([paintedPage.goto(site.url), plainPage.goto(site.url)]);
    console.log(
      `page: ${ROWS} numbers, the whole table replaced every ${EVERY_MS / 1000} s; ` +
        `${minutes} min, a reading every ${SAMPLE_EVERY_MS / 1000} s after garbage collection`,
    );
    const readings: { painted: MemorySample; plain: MemorySample }[] = [];
    const started = Date.now();
    for (let at = SAMPLE_EVERY_MS; at <= minutes * 60_000; at += SAMPLE_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, started + at - Date.now()));
      const reading = {
        painted: await sampleMemory(painted.context, paintedPage),
        plain: await sampleMemory(plainContext, plainPage),
      };
      readings.push(reading);
      console.log(line(`${(at / 1000).toFixed(0)} s painted`, reading.painted));
      console.log(line(`${(at / 1000).toFixed(0)} s plain  `, reading.plain));
    }
    const first = readings[Math.min(1, readings.length - 1)]!;
    const last = readings.at(-1)!;
    const grew = (key: 'heapMb' | 'nodes', side: 'painted' | 'plain') =>
      last[side][key] - first[side][key];
    const maxHeld = Math.max(...readings.map((reading) => reading.painted.heldTexts ?? 0));
    const maxStale = Math.max(...readings.map((reading) => reading.painted.staleRanges));
    console.log(
      `paint_soak_dom_nodes_growth ${grew('nodes', 'painted')} nodes ` +
        `(baseline without the extension ${grew('nodes', 'plain')}; one table is ${ROWS * 9})`,
    );
    console.log(`paint_soak_held_texts_max ${maxHeld} texts (the page shows ${ROWS})`);
    console.log(`paint_soak_stale_ranges_max ${maxStale} ranges`);
    console.log(
      `paint_soak_heap_growth_mb ${grew('heapMb', 'painted').toFixed(2)} MB ` +
        `(baseline without the extension ${grew('heapMb', 'plain').toFixed(2)} MB)`,
    );
  } finally {
    await painted.close();
    await plain.close();
    await site.close();
    await rm(siteDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
