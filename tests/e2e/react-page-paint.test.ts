import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/phone';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import { shadowUiText } from '../support/e2e/card-text';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { clickPainted, paintedRanges } from '../support/e2e/painted-numbers';
import { waitUntil } from '../support/e2e/wait-until';

/**
 * An orders list rendered by React (`react-dom` from npm, bundled by the
 * test): every 300 ms it re-renders, moves the last row to the top, drops
 * and adds rows, and rewrites the first row's number in another writing of
 * the same phone. The page keeps its rows' phones on `window.__phones` and
 * counts its renders in `window.__renders`.
 */
const APP = `
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const WRITINGS = ['+7 916 123-45-67', '8 (916) 123-45-67', '89161234567'];
const PREFIXES = ['903', '925', '495', '812', '701', '777'];
const phoneOf = (n) => '8 (' + PREFIXES[n % PREFIXES.length] + ') ' + String(100 + (n * 37) % 900) + '-' + String(10 + n % 90) + '-' + String(10 + (n * 7) % 90);

function rowsAt(tick) {
  const rows = [];
  for (let i = 0; i < 24; i++) {
    const n = tick + i;
    rows.push({ id: 'r' + (n % 40), name: 'Заказ RM-' + (100000 + n), phone: phoneOf(n) });
  }
  rows.reverse();
  return [{ id: 'fixed', name: 'Иванов Иван', phone: WRITINGS[tick % WRITINGS.length] }, ...rows];
}

function Orders() {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 300);
    return () => clearInterval(timer);
  }, []);
  const rows = rowsAt(tick);
  useEffect(() => {
    window.__phones = rows.map((row) => row.phone);
    window.__renders = (window.__renders || 0) + 1;
  });
  return h('table', null, h('tbody', null, rows.map((row) =>
    h('tr', { key: row.id }, h('td', null, row.name), h('td', { className: 'phone' }, 'Тел.: ', row.phone)))));
}

createRoot(document.getElementById('root')).render(h(Orders));
`;

const PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Заказы</title><link rel="icon" href="data:,"></head>
<body><div id="root"></div><script src="app.js"></script></body></html>`;

const RECIPIENT_SHOWN = '+7 916 123-45-67';

interface Sample {
  phones: string[];
  painted: string[];
  renders: number;
}

/** The page's phones and the painted ranges on connected nodes, read in one go. */
function sample(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const scope = window as unknown as { __phones?: string[]; __renders?: number };
    const ranges = [...(CSS.highlights.get('ct-phone') ?? [])] as StaticRange[];
    return {
      phones: [...(scope.__phones ?? [])],
      painted: ranges
        .filter((range) => range.startContainer.isConnected)
        .map((range) =>
          (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
        ),
      renders: scope.__renders ?? 0,
    };
  });
}

const sorted = (values: readonly string[]): string[] =>
  values.map((value) => normalizePhone(value)?.e164 ?? value).sort();

describe('painted numbers on a React page that re-renders its rows every 300 ms', () => {
  let siteDir: string;
  let site: StaticServer;
  let browser: ExtensionBrowser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    siteDir = await mkdtemp(join(tmpdir(), 'ct-react-page-'));
    const bundle = await build({
      stdin: { contents: APP, resolveDir: PROJECT_ROOT, loader: 'js' },
      bundle: true,
      write: false,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    await writeFile(join(siteDir, 'app.js'), bundle.outputFiles[0]!.text);
    await writeFile(join(siteDir, 'index.html'), PAGE);
    site = await serveStatic(siteDir);
    browser = await launchExtensionBrowser({ extensionDir });
    await browser.setSettings({ language: 'en' });
    await browser.enableSite(site.url);
    page = await browser.context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        errors.push(`${message.type()}: ${message.text()}`);
      }
    });
    await page.goto(site.url);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (siteDir) await rm(siteDir, { recursive: true, force: true });
  });

  it('keeps the paint on exactly the numbers the page shows, render after render', async () => {
    const first = await waitUntil(
      () => sample(page),
      (now) => now.renders > 2 && now.painted.length > 0,
      15_000,
    );
    // Each reading is taken after a render and the frame that follows it: the paint must
    // have followed by then.
    const seen: Sample[] = [];
    for (let taken = 0; taken < 10; taken++) {
      const before = (await sample(page)).renders;
      await waitUntil(
        () => sample(page),
        (now) => now.renders > before,
        15_000,
        20,
      );
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      seen.push(await sample(page));
    }
    expect(seen.at(-1)!.renders - first.renders).toBeGreaterThan(6);
    for (const now of seen) {
      expect(sorted(now.painted), `after render ${now.renders}`).toEqual(sorted(now.phones));
    }
    // Ranges of rows React removed are dropped, not left behind on detached nodes.
    const stale = await page.evaluate(
      () =>
        ([...(CSS.highlights.get('ct-phone') ?? [])] as StaticRange[]).filter(
          (range) => !range.startContainer.isConnected,
        ).length,
    );
    expect(stale).toBe(0);
  });

  it('dials the number under the pointer while the rows keep moving', async () => {
    for (const written of ['8 (916) 123-45-67', '89161234567']) {
      await waitUntil(
        () => sample(page),
        (now) => now.phones[0] === written,
        15_000,
      );
      await clickPainted(page, written);
    }
    // No helper is paired here: the toast names the number it could not call.
    const text = await waitUntil(
      () => shadowUiText(page, 'ct-dial-toast'),
      (t) => t.includes('Could not call'),
      15_000,
    );
    expect(text).toContain(`Could not call ${RECIPIENT_SHOWN}`);
    expect(await paintedRanges(page)).not.toEqual([]);
  });

  it('makes the page log no error or warning', () => {
    expect(errors).toEqual([]);
  });
});
