/**
 * Linkify benchmark in real Chromium with the built extension: a page with
 * 10,000 phone numbers among 50,000 text nodes (a 10,000-row table).
 *
 * Per run and as medians it prints: the total linking time (from the linker
 * starting to the last link written, wall clock), the script time inside the
 * linker's slices, its longest slice, the longest main-thread task while it
 * ran (PerformanceObserver `longtask`), the longest animation frame while it
 * ran (`long-animation-frame`: the page's own style and layout work that our
 * edits cause, which `longtask` does not count), the time until 100 rows
 * appended later are linked, and the gzipped size of the content script.
 * The last line is the headline: `linkify_10k_ms <median> ms`.
 *
 *   npm run bench:extension            # 5 runs
 *   npm run bench:extension -- 9       # 9 runs
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../scripts/serve-static';
import { buildExtension } from '../tests/e2e/support/build-extension';
import { launchExtensionBrowser } from '../tests/e2e/support/launch-extension-browser';
import { linkifyBenchPage, linkifyBenchRows } from './fixtures/extension-linkify-page';

const ROWS = 10_000;
const CELLS_PER_ROW = 5;
const APPENDED_ROWS = 100;
const MEASURE = 'ct:linkify';
/** Generous functional bound for one page to be linked; not a timing target. */
const LINK_DEADLINE_MS = 60_000;

interface LinkifyDetail {
  startedAt: number;
  finishedAt: number;
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  textNodes: number;
  links: number;
}

interface Interval {
  start: number;
  duration: number;
}

interface RunFigures {
  totalMs: number;
  busyMs: number;
  longestSliceMs: number;
  longestTaskMs: number;
  longTasks: number;
  longestFrameMs: number;
  appendMs: number;
  links: number;
  slices: number;
}

class BenchmarkError extends Error {
  override readonly name = 'BenchmarkError';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);

function overlapping(intervals: Interval[], from: number, to: number): Interval[] {
  return intervals.filter((entry) => entry.start + entry.duration > from && entry.start < to);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new BenchmarkError(`Runs must be a positive integer, got "${process.argv[2]}".`);
  }
  const extensionDir = await buildExtension();
  const contentScript = await readFile(join(extensionDir, 'content-scripts', 'content.js'));
  const gzipKb = gzipSync(contentScript, { level: 9 }).length / 1024;

  const siteDir = await mkdtemp(join(tmpdir(), 'ct-bench-linkify-'));
  await writeFile(
    join(siteDir, 'index.html'),
    linkifyBenchPage({ rows: ROWS, cellsPerRow: CELLS_PER_ROW }),
  );
  const site = await serveStatic(siteDir);
  const browser = await launchExtensionBrowser({ extensionDir });
  const figures: RunFigures[] = [];
  try {
    await browser.setSettings({ language: 'ru' });
    await browser.enableSite(site.url);
    for (let run = 1; run <= runs; run++) {
      const page = await browser.context.newPage();
      await page.goto(site.url);
      // Polls only the user-timing entry: querying 60,000 elements would itself load the page.
      const detail = await page
        .waitForFunction(
          ({ name, expected }) => {
            const entry = performance.getEntriesByName(name).at(-1) as
              PerformanceMeasure | undefined;
            const stats = entry?.detail as { links?: number } | undefined;
            return stats && (stats.links ?? 0) >= expected ? stats : null;
          },
          { name: MEASURE, expected: ROWS },
          { timeout: LINK_DEADLINE_MS, polling: 250 },
        )
        .then((handle) => handle.jsonValue() as Promise<LinkifyDetail>);
      const { tasks, frames, links } = await page.evaluate(() => {
        const scope = window as unknown as { __longTasks: Interval[]; __longFrames: Interval[] };
        return {
          tasks: scope.__longTasks,
          frames: scope.__longFrames,
          links: document.querySelectorAll('a.ct-phone[data-phone]').length,
        };
      });
      if (links !== ROWS) {
        throw new BenchmarkError(`Expected ${ROWS} phone links on the page, found ${links}.`);
      }
      const duringTasks = overlapping(tasks, detail.startedAt, detail.finishedAt);
      const duringFrames = overlapping(frames, detail.startedAt, detail.finishedAt);
      const appendMs = await page.evaluate(
        (html) =>
          (window as unknown as { __appendRows(html: string): Promise<number> }).__appendRows(html),
        linkifyBenchRows(ROWS, APPENDED_ROWS, CELLS_PER_ROW),
      );
      const result: RunFigures = {
        totalMs: detail.finishedAt - detail.startedAt,
        busyMs: detail.busyMs,
        longestSliceMs: detail.longestSliceMs,
        longestTaskMs: Math.max(0, ...duringTasks.map((task) => task.duration)),
        longTasks: duringTasks.length,
        longestFrameMs: Math.max(0, ...duringFrames.map((frame) => frame.duration)),
        appendMs,
        links: detail.links,
        slices: detail.slices,
      };
      figures.push(result);
      console.log(
        `run ${run}: total ${fixed(result.totalMs)} ms, script ${fixed(result.busyMs)} ms ` +
          `in ${result.slices} slices (longest ${fixed(result.longestSliceMs)} ms), ` +
          `long tasks ${result.longTasks} (longest ${fixed(result.longestTaskMs)} ms), ` +
          `longest frame ${fixed(result.longestFrameMs)} ms, ` +
          `${APPENDED_ROWS} appended rows linked in ${fixed(result.appendMs)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
    await rm(siteDir, { recursive: true, force: true });
  }

  const pick = (key: keyof RunFigures) => median(figures.map((figure) => figure[key]));
  console.log(
    `page: ${ROWS} phones among ${ROWS * CELLS_PER_ROW} text nodes; ${runs} runs, medians:`,
  );
  console.log(`linkify_script_ms ${fixed(pick('busyMs'))} ms`);
  console.log(`linkify_longest_slice_ms ${fixed(pick('longestSliceMs'))} ms`);
  console.log(
    `linkify_longest_task_ms ${fixed(pick('longestTaskMs'))} ms (target: none over 50 ms)`,
  );
  console.log(`linkify_long_tasks ${pick('longTasks')} tasks`);
  console.log(
    `linkify_longest_frame_ms ${fixed(pick('longestFrameMs'))} ms (page style and layout)`,
  );
  console.log(`link_100_appended_rows_ms ${fixed(pick('appendMs'))} ms`);
  console.log(`content_script_gzip_kb ${fixed(gzipKb)} KB (target: ≤ 80 KB)`);
  console.log(`linkify_10k_ms ${fixed(pick('totalMs'))} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
