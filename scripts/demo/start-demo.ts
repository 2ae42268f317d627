import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { runHelper } from '../../helper/workstation/app/run';
import { loadConfig } from '../../helper/config/load';
import { createLogger } from '../../helper/log/create-logger';
import { DEV_CHROMIUM_ORIGIN } from '../../helper/config/origins';
import { PairingStore } from '../../helper/workstation/pairing/pairing-store';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { findChromium } from './find-browser';

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO_EXTENSION_DIR = join(ROOT, '.output', 'demo-chrome-mv3');
const SITE_PATTERN = 'http://127.0.0.1/*';

export interface DemoOptions {
  /** Open a browser with the extension (when one is found). */
  browser: boolean;
  headless: boolean;
  /** 0 picks free ports; the defaults suit a person trying it. */
  helperPort?: number;
  pagePort?: number;
}

export interface RunningDemo {
  pageUrl: string;
  helperPort: number;
  pairingCode: string;
  extensionDir: string;
  browser?: { context: BrowserContext; page: Page; worker: Worker };
  close(): Promise<void>;
}

async function buildDemoExtension(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'),
      'build',
      '-c',
      'harness/extension/wxt.local.config.ts',
    ],
    { cwd: ROOT, env: { ...process.env, CT_LOCAL_BUILD: 'demo' } },
  );
}

async function openBrowser(
  executablePath: string,
  headless: boolean,
  token: string,
  helperPort: number,
  pageUrl: string,
): Promise<{ context: BrowserContext; page: Page; worker: Worker; profile: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'ct-demo-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1200, height: 800 } : null,
    args: [
      `--disable-extensions-except=${DEMO_EXTENSION_DIR}`,
      `--load-extension=${DEMO_EXTENSION_DIR}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // Paired and enabled for the demo page, as a user would do in the options page.
  await worker.evaluate(
    async ({ token, helperPort, site }) => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            storage: {
              local: {
                get(k: string): Promise<Record<string, unknown>>;
                set(v: object): Promise<void>;
              };
            };
          };
        }
      ).chrome;
      const stored = (await chrome.storage.local.get('settings')).settings as
        Record<string, unknown> | undefined;
      await chrome.storage.local.set({
        pairing: { token, pairedAt: Date.now() },
        settings: {
          ...(stored ?? {}),
          helper: { host: '127.0.0.1', port: helperPort },
          sites: [site],
        },
      });
    },
    { token, helperPort, site: SITE_PATTERN },
  );
  // The content script must be registered before the page loads: a registration reaches
  // only pages loaded after it, and the worker registers once it has read the settings.
  await worker.evaluate(async (site) => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
        };
      }
    ).chrome;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.some((script) => script.matches?.includes(site))) return;
      if (Date.now() > deadline) throw new Error(`no content script registered for ${site}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, SITE_PATTERN);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl);
  return { context, page, worker, profile };
}

/**
 * The demo on embedded defaults: the helper in demo mode (simulated PBX,
 * built-in directory), the demo cabinet page, and a browser with the extension
 * already paired and enabled for that page.
 */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const stateDir = await mkdtemp(join(tmpdir(), 'ct-demo-state-'));
  const loaded = loadConfig({ env: {}, defaultFile: join(stateDir, 'helper.toml') });
  if (!loaded.ok) throw new Error(`demo configuration: ${JSON.stringify(loaded.problems)}`);
  const config = {
    ...loaded.config,
    websocket: {
      ...loaded.config.websocket,
      port: options.helperPort ?? loaded.config.websocket.port,
    },
  };
  const { logger, close: closeLog } = createLogger({ level: 'warn', file: '', secrets: [] });
  const controller = new AbortController();
  const helper = runHelper(config, logger, controller.signal);
  helper.catch((error: unknown) => logger.error({ err: error }, 'demo helper stopped'));

  const site: StaticServer = await serveStatic(join(ROOT, 'demo', 'cabinet'), {
    port: options.pagePort ?? 0,
  });
  const pageUrl = site.url;
  const store = new PairingStore({ stateDir });
  const { code } = await store.createPairingCode({ ttlMs: 60 * 60 * 1000 });

  let browser: RunningDemo['browser'];
  let profile: string | undefined;
  const executable = options.browser ? findChromium() : undefined;
  if (executable) {
    await buildDemoExtension();
    // The demo build carries the development key, so the browser connects with its origin.
    const { token } = await store.redeem(
      code,
      { name: 'demo', browser: 'chromium', version: '0' },
      DEV_CHROMIUM_ORIGIN,
    );
    const opened = await openBrowser(
      executable,
      options.headless,
      token,
      config.websocket.port,
      pageUrl,
    );
    browser = { context: opened.context, page: opened.page, worker: opened.worker };
    profile = opened.profile;
  }

  return {
    pageUrl,
    helperPort: config.websocket.port,
    pairingCode: code,
    extensionDir: DEMO_EXTENSION_DIR,
    ...(browser ? { browser } : {}),
    async close() {
      await browser?.context.close().catch(() => undefined);
      controller.abort();
      await helper.catch(() => undefined);
      await site.close();
      await closeLog();
      await rm(stateDir, { recursive: true, force: true });
      if (profile) await rm(profile, { recursive: true, force: true });
    },
  };
}
