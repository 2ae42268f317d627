/**
 * Linkify benchmark in real Chromium with the built extension: a page with
 * 10,000 phone numbers among 50,000 text nodes (a 10,000-row table).
 *
 * The headline is the wall time from the linker starting until all 10,000
 * links are on the page and the page has laid them out and painted them
 * (the end of the first frame after the linker's last slice). Per run and
 * as medians it also prints: our script time and slices, the longest
 * main-thread task (`longtask`) and the longest animation frame
 * (`long-animation-frame`, which also holds the page's style, layout and
 * paint that our links cost it), the time until 100 rows appended later are
 * linked, and the gzipped size of the content script. Baselines are
 * measured on the same pages: the page's own rendering while it loads, the
 * part of it that falls inside the linking window before our first link
 * (the page is sometimes still laying itself out when the linker starts),
 * and what it takes to lay the table out again after one cell changes (the
 * least any write into the table costs). One more run is traced to break
 * the main thread's time down into script, style, layout and paint.
 * The last line is the headline: `linkify_10k_ms <median> ms`.
 *
 *   npm run bench:extension                      # 5 runs
 *   npm run bench:extension -- 9                 # 9 runs
 *   npm run bench:extension -- 5 --compare DIR   # and another build (e.g. a saved copy of
 *                                                # .output/e2e-chrome-mv3), runs alternating
 *   npm run bench:extension -- 5 --no-trace      # without the traced run
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serveStatic } from '../harness/serve-static';
import { buildExtension } from '../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../harness/extension/launch-extension-browser';
import { linkifyBenchPage, linkifyBenchRows } from './fixtures/extension-linkify-page';
import {
  breakDownTrace,
  startTrace,
  type TraceBreakdown,
  type WorkKind,
} from './support/linkify-trace';

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
  /** Absent from builds older than the field. */
  firstWriteAt?: number | null;
  /** From the page's instruments: when the first frame after the measure was painted. */
  renderedAt: number;
}

interface Interval {
  start: number;
  duration: number;
}

interface Frame extends Interval {
  renderStart: number;
  styleAndLayoutStart: number;
}

interface RunFigures {
  totalMs: number;
  linkedMs: number;
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  longestTaskMs: number;
  longTasks: number;
  longestFrameMs: number;
  renderMs: number;
  /** The page's own rendering inside the window, before our first link: NaN when unknown. */
  ownRenderMs: number;
  pageLoadRenderMs: number;
  relayoutMs: number;
  appendMs: number;
}

interface Contender {
  label: string;
  dir: string;
  gzipKb: number;
  browser: ExtensionBrowser;
  figures: RunFigures[];
}

interface BenchOptions {
  runs: number;
  compareDir: string | null;
  trace: boolean;
}

class BenchmarkError extends Error {
  override readonly name = 'BenchmarkError';
}

function parseOptions(args: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: 5, compareDir: null, trace: true };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--no-trace') {
      options.trace = false;
    } else if (arg === '--compare') {
      const dir = args[++index];
      if (!dir) throw new BenchmarkError('--compare needs the folder of an unpacked build.');
      options.compareDir = resolve(dir);
    } else if (/^\d+$/.test(arg) && Number(arg) >= 1) {
      options.runs = Number(arg);
    } else {
      throw new BenchmarkError(
        `Unknown argument "${arg}": give a run count, --compare DIR or --no-trace.`,
      );
    }
  }
  return options;
}

/** Median of the known values; NaN when none is known. */
function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const fixed = (value: number, digits = 1): string =>
  Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const endOf = (entry: Interval): number => entry.start + entry.duration;

async function contentScriptGzipKb(extensionDir: string): Promise<number> {
  const script = await readFile(join(extensionDir, 'content-scripts', 'content.js'));
  return gzipSync(script, { level: 9 }).length / 1024;
}

/** Waits for the session that linked the whole table and for the frame that painted it. */
async function linkedPage(page: Page): Promise<LinkifyDetail> {
  const handle = await page.waitForFunction(
    ({ name, expected }) => {
      const entry = performance.getEntriesByName(name).at(-1) as PerformanceMeasure | undefined;
      const stats = entry?.detail as Omit<LinkifyDetail, 'renderedAt'> | undefined;
      if (!entry || !stats || (stats.links ?? 0) < expected) return null;
      const end = entry.startTime + entry.duration;
      const scope = window as unknown as {
        __linkifyRendered: { end: number; renderedAt: number }[];
      };
      const rendered = scope.__linkifyRendered.find((mark) => Math.abs(mark.end - end) < 0.01);
      return rendered ? { ...stats, renderedAt: rendered.renderedAt } : null;
    },
    { name: MEASURE, expected: ROWS },
    // Polls only the user-timing entry: querying 60,000 elements would itself load the page.
    { timeout: LINK_DEADLINE_MS, polling: 250 },
  );
  return (await handle.jsonValue()) as LinkifyDetail;
}

async function measureRun(page: Page, url: string): Promise<RunFigures> {
  await page.goto(url);
  const detail = await linkedPage(page);
  const { tasks, frames, links } = await page.evaluate(() => {
    const scope = window as unknown as { __longTasks: Interval[]; __longFrames: Frame[] };
    return {
      tasks: scope.__longTasks,
      frames: scope.__longFrames,
      links: document.querySelectorAll('a.ct-phone[data-phone]').length,
    };
  });
  if (links !== ROWS) {
    throw new BenchmarkError(`Expected ${ROWS} phone links on the page, found ${links}.`);
  }
  const { startedAt, finishedAt, firstWriteAt } = detail;
  // The first long frame after the last slice is the one that laid our links out. A frame under
  // 50 ms is not reported; then the page's mark after the next frame stands in, one frame late.
  const laidOut = frames.find((frame) => frame.renderStart >= finishedAt);
  const renderedAt = Math.min(detail.renderedAt, laidOut ? endOf(laidOut) : Infinity);
  const during = (entry: Interval): boolean => endOf(entry) > startedAt && entry.start < renderedAt;
  const duringTasks = tasks.filter(during);
  const duringFrames = frames.filter(during);
  const renderPart = (frame: Frame): number =>
    frame.renderStart > 0 ? endOf(frame) - frame.renderStart : 0;
  const appendMs = await page.evaluate(
    (html) =>
      (window as unknown as { __appendRows(html: string): Promise<number> }).__appendRows(html),
    linkifyBenchRows(ROWS, APPENDED_ROWS, CELLS_PER_ROW),
  );
  const relayoutMs = await page.evaluate(() =>
    (window as unknown as { __relayout(): Promise<number> }).__relayout(),
  );
  return {
    totalMs: renderedAt - startedAt,
    linkedMs: finishedAt - startedAt,
    busyMs: detail.busyMs,
    slices: detail.slices,
    longestSliceMs: detail.longestSliceMs,
    longestTaskMs: Math.max(0, ...duringTasks.map((task) => task.duration)),
    longTasks: duringTasks.length,
    longestFrameMs: Math.max(0, ...duringFrames.map((frame) => frame.duration)),
    renderMs: duringFrames.reduce((sum, frame) => sum + renderPart(frame), 0),
    ownRenderMs:
      typeof firstWriteAt === 'number'
        ? frames
            .filter((frame) => frame.renderStart >= startedAt && frame.renderStart < firstWriteAt)
            .reduce((sum, frame) => sum + renderPart(frame), 0)
        : Number.NaN,
    pageLoadRenderMs: frames
      .filter((frame) => endOf(frame) <= startedAt)
      .reduce((sum, frame) => sum + renderPart(frame), 0),
    relayoutMs,
    appendMs,
  };
}

async function tracedRun(browser: ExtensionBrowser, url: string): Promise<TraceBreakdown> {
  const page = await browser.context.newPage();
  try {
    const session = await browser.context.newCDPSession(page);
    const trace = await startTrace(session);
    await page.goto(url);
    const detail = await linkedPage(page);
    const events = await trace.stop();
    return breakDownTrace(events, MEASURE, detail.renderedAt - detail.startedAt);
  } finally {
    await page.close();
  }
}

function describeRun(label: string, run: number, figures: RunFigures): string {
  return (
    `run ${run}${label ? ` [${label}]` : ''}: total ${fixed(figures.totalMs)} ms ` +
    `(links in the DOM at ${fixed(figures.linkedMs)} ms), script ${fixed(figures.busyMs)} ms ` +
    `in ${figures.slices} slices (longest ${fixed(figures.longestSliceMs)} ms), ` +
    `long tasks ${figures.longTasks} (longest ${fixed(figures.longestTaskMs)} ms), ` +
    `page rendering ${fixed(figures.renderMs)} ms (longest frame ${fixed(figures.longestFrameMs)} ms, ` +
    `the page's own before our first link ${fixed(figures.ownRenderMs)} ms), ` +
    `${APPENDED_ROWS} appended rows linked in ${fixed(figures.appendMs)} ms, ` +
    `one-cell relayout ${fixed(figures.relayoutMs)} ms`
  );
}

function printMedians(contender: Contender, prefix: string): void {
  const pick = (key: keyof RunFigures) => median(contender.figures.map((figure) => figure[key]));
  const line = (metric: string, value: string, note = '') =>
    console.log(`${prefix}${metric} ${value}${note ? ` ${note}` : ''}`);
  line(
    'baseline_page_load_render_ms',
    `${fixed(pick('pageLoadRenderMs'))} ms`,
    "(the page's own style, layout and paint while loading)",
  );
  line(
    'baseline_relayout_ms',
    `${fixed(pick('relayoutMs'))} ms`,
    '(one cell changed: the least any write into the table costs)',
  );
  line('linkify_script_ms', `${fixed(pick('busyMs'))} ms`);
  line('linkify_slices', `${pick('slices')} slices`);
  line('linkify_longest_slice_ms', `${fixed(pick('longestSliceMs'))} ms`);
  line(
    'linkify_longest_task_ms',
    `${fixed(pick('longestTaskMs'))} ms`,
    '(target: none over 50 ms)',
  );
  line('linkify_long_tasks', `${pick('longTasks')} tasks`);
  line(
    'linkify_page_render_ms',
    `${fixed(pick('renderMs'))} ms`,
    '(style, layout and paint in long frames while linking)',
  );
  line(
    'linkify_page_own_render_ms',
    `${fixed(pick('ownRenderMs'))} ms`,
    '(of which the page rendered on its own, before our first link)',
  );
  line('linkify_longest_frame_ms', `${fixed(pick('longestFrameMs'))} ms`);
  line(
    'linkify_links_in_dom_ms',
    `${fixed(pick('linkedMs'))} ms`,
    '(before the page lays them out)',
  );
  line('link_100_appended_rows_ms', `${fixed(pick('appendMs'))} ms`);
  line('content_script_gzip_kb', `${fixed(contender.gzipKb)} KB`, '(target: ≤ 80 KB)');
}

function printBreakdown({ windowMs, work }: TraceBreakdown): void {
  const part = (label: string, kind: WorkKind, extra = '') => {
    const { wallMs, cpuMs, count, longestMs } = work[kind];
    const counted = extra ? ` in ${count} ${extra} (longest ${fixed(longestMs)} ms)` : '';
    return `${label} ${fixed(wallMs)} ms (CPU ${fixed(cpuMs)} ms)${counted}`;
  };
  console.log(
    `trace of one more run, ${fixed(windowMs)} ms from linking start to its links painted ` +
      '(tracing slows script down): main thread: ' +
      [
        part('tasks', 'tasks'),
        part('content script', 'contentScript', 'tasks'),
        part('page script', 'pageScript'),
        part('style', 'style'),
        part('layout', 'layout', 'layouts'),
        part('pre-paint and paint', 'paint'),
        part('garbage collection within these', 'garbageCollection'),
      ].join('; '),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dirs = [{ label: '', dir: await buildExtension() }];
  if (options.compareDir) dirs.push({ label: 'compare', dir: options.compareDir });

  const siteDir = await mkdtemp(join(tmpdir(), 'ct-bench-linkify-'));
  await writeFile(
    join(siteDir, 'index.html'),
    linkifyBenchPage({ rows: ROWS, cellsPerRow: CELLS_PER_ROW }),
  );
  const site = await serveStatic(siteDir);
  const contenders: Contender[] = [];
  try {
    for (const { label, dir } of dirs) {
      const browser = await launchExtensionBrowser({ extensionDir: dir });
      contenders.push({ label, dir, gzipKb: await contentScriptGzipKb(dir), browser, figures: [] });
      await browser.setSettings({ language: 'ru' });
      await browser.enableSite(site.url);
    }
    for (let run = 1; run <= options.runs; run++) {
      for (const contender of contenders) {
        const page = await contender.browser.context.newPage();
        try {
          const figures = await measureRun(page, site.url);
          contender.figures.push(figures);
          console.log(describeRun(contender.label, run, figures));
        } finally {
          await page.close();
        }
      }
    }
    const [current, ...others] = contenders;
    const breakdown = options.trace ? await tracedRun(current!.browser, site.url) : null;

    console.log(
      `page: ${ROWS} phones among ${ROWS * CELLS_PER_ROW} text nodes; ${options.runs} runs, medians:`,
    );
    for (const other of others) {
      console.log(`compare: ${other.dir}`);
      printMedians(other, 'compare_');
      const total = median(other.figures.map((figure) => figure.totalMs));
      console.log(`compare_linkify_10k_ms ${fixed(total)} ms`);
    }
    if (breakdown) printBreakdown(breakdown);
    printMedians(current!, '');
    console.log(
      `linkify_10k_ms ${fixed(median(current!.figures.map((figure) => figure.totalMs)))} ms`,
    );
  } finally {
    for (const contender of contenders) await contender.browser.close();
    await site.close();
    await rm(siteDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
