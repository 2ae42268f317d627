import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { siteToPattern } from '../../extension/lib/site-patterns';
import { chromiumWithPolicy, type ChromiumPolicy } from './chromium-policy';

/** The Chromium id the manifest `key` pins for development and test builds. */
export const DEV_EXTENSION_ID = 'efimpjfpbnikmcgaaljbfonliffkmhhl';

export interface LaunchOptions {
  /** An unpacked build, e.g. from `buildExtension()`. */
  extensionDir: string;
  /** Chromium's UI language, which the extension follows while its language is `auto`. */
  locale?: string;
  /** The pages' viewport; 1100 × 760 unless given. */
  viewport?: { width: number; height: number };
  /** A machine policy only this browser sees (see `chromiumWithPolicy`), e.g. `3rdparty`. */
  policy?: ChromiumPolicy;
  /** Further unpacked extensions loaded beside ours, e.g. a stranger trying to pair. */
  otherExtensionDirs?: string[];
}

export interface ToolbarBadge {
  text: string;
  title: string;
}

export interface StoppedWorker {
  /** Resolves with the milliseconds from the stop until a worker ran again. */
  restarted(timeoutMs: number): Promise<number>;
}

/** Polls `done` every 50 ms until it holds; throws `what` after `timeoutMs`. */
async function waitFor(
  done: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * Stops the extension's worker through the DevTools protocol, as the browser does when
   * it decides to (idle limits, memory pressure, updates); resolves once it is gone. The
   * `serviceWorker` handle evaluates in whichever worker runs next.
   */
  stopWorker(): Promise<StoppedWorker>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /**
   * Adds a site through the options page as a user would (typing `input`, e.g.
   * the page's URL) and waits for the content script's registration; returns
   * the stored match pattern.
   */
  enableSite(input: string): Promise<string>;
  /** Pairs with a code through the options page, or stores a token directly. */
  pair(tokenOrCode: string): Promise<void>;
  /** Merges a change into the stored settings, for test setup. */
  setSettings(change: Record<string, unknown>): Promise<void>;
  badge(): Promise<ToolbarBadge>;
  registeredMatches(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The few extension APIs the tests evaluate inside the service worker. Each
 * evaluated function is sent to the worker as source text, so each one looks
 * `chrome` up itself.
 */
interface WorkerChrome {
  action: {
    getBadgeText(details: object): Promise<string>;
    getTitle(details: object): Promise<string>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
}

/** Chromium's flags for these tests: no sandbox, GPU or calls to hosts it cannot reach (see TEST-INFRA). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PAIRING_CODE = /^[\d\s-]{4,16}$/;

/**
 * Starts headless Chromium with the extension loaded in a fresh profile (see
 * TEST-INFRA: persistent context, `/usr/bin/chromium`, never a downloaded
 * browser) and returns handles for driving it.
 */
export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ct-e2e-profile-'));
  const launcher =
    options.policy === undefined ? undefined : await chromiumWithPolicy(options.policy);
  const extensions = [options.extensionDir, ...(options.otherExtensionDirs ?? [])].join(',');
  const cleanUp = async () => {
    await rm(userDataDir, { recursive: true, force: true });
    await launcher?.dispose();
  };
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: launcher?.executablePath ?? '/usr/bin/chromium',
    headless: true,
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1100, height: 760 },
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...(options.locale === undefined ? [] : [`--lang=${options.locale}`]),
      ...CHROMIUM_ARGS,
    ],
  });
  try {
    // With other extensions loaded, ours is the one the manifest key pins.
    const ours = (worker: Worker) =>
      options.otherExtensionDirs === undefined || new URL(worker.url()).host === DEV_EXTENSION_ID;
    const serviceWorker =
      context.serviceWorkers().find(ours) ??
      (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const pageUrl = (name: string) => `chrome-extension://${extensionId}/${name}.html`;

    const openPage = async (name: string) => {
      const page = await context.newPage();
      await page.goto(pageUrl(name));
      await page.locator('.ct-page').waitFor({ timeout: 15_000 });
      return page;
    };

    const registeredMatches = async () =>
      serviceWorker.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        return scripts.flatMap((script) => script.matches ?? []);
      });

    // The DevTools session of the page the browser opened with (blank, not brought to the
    // front): it reaches the browser's targets and tells when a worker stops or starts.
    let session: CDPSession | undefined;
    let workerRuns: { running: boolean; at: number }[] = [];
    const devTools = async (): Promise<CDPSession> => {
      if (session) return session;
      const page = context.pages()[0] ?? (await context.newPage());
      session = await context.newCDPSession(page);
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const version of versions) {
          if (version.scriptURL !== serviceWorker.url()) continue;
          const running = version.runningStatus === 'running';
          if (workerRuns.at(-1)?.running !== running) workerRuns.push({ running, at: Date.now() });
        }
      });
      await session.send('ServiceWorker.enable');
      return session;
    };

    const handle: ExtensionBrowser = {
      context,
      extensionId,
      serviceWorker,
      async stopWorker() {
        const cdp = await devTools();
        const { targetInfos } = await cdp.send('Target.getTargets');
        const target = targetInfos.find(
          (info) => info.type === 'service_worker' && info.url === serviceWorker.url(),
        );
        if (target === undefined) throw new Error('the extension has no running worker to stop');
        workerRuns = [];
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
        await waitFor(
          async () => workerRuns.some((run) => !run.running),
          'the worker did not stop',
          15_000,
        );
        const stoppedAt = workerRuns.find((run) => !run.running)?.at ?? Date.now();
        return {
          async restarted(timeoutMs) {
            await waitFor(
              async () => workerRuns.some((run) => run.running && run.at >= stoppedAt),
              'no worker started again',
              timeoutMs,
            );
            const started = workerRuns.find((run) => run.running && run.at >= stoppedAt);
            return (started?.at ?? Date.now()) - stoppedAt;
          },
        };
      },
      async openPopup() {
        const page = await context.newPage();
        await page.setViewportSize({ width: 360, height: 600 });
        await page.goto(pageUrl('popup'));
        await page.locator('.ct-page').waitFor({ timeout: 15_000 });
        return page;
      },
      openOptions: () => openPage('options'),
      async enableSite(input) {
        const pattern = siteToPattern(input);
        const page = await openPage('options');
        try {
          await page.locator('input[name="site"]').fill(input);
          await page.locator('input[name="site"]').press('Enter');
          await page.locator('.ct-sites code', { hasText: pattern }).waitFor({ timeout: 15_000 });
          const deadline = Date.now() + 15_000;
          while (!(await registeredMatches()).includes(pattern)) {
            if (Date.now() > deadline) {
              throw new Error(`The content script was not registered for ${pattern} within 15 s.`);
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return pattern;
        } finally {
          await page.close();
        }
      },
      async pair(tokenOrCode) {
        if (!PAIRING_CODE.test(tokenOrCode)) {
          await serviceWorker.evaluate(async (token) => {
            const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
            await chrome.storage.local.set({ pairing: { token, pairedAt: Date.now() } });
          }, tokenOrCode);
          return;
        }
        const page = await openPage('options');
        try {
          await page.locator('input[name="pairing-code"]').fill(tokenOrCode);
          await page.locator('input[name="pairing-code"]').press('Enter');
          await page.locator('[data-paired]').waitFor({ timeout: 15_000 });
        } finally {
          await page.close();
        }
      },
      async setSettings(change) {
        await serviceWorker.evaluate(async (partial) => {
          const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
          const { settings } = await chrome.storage.local.get('settings');
          await chrome.storage.local.set({
            settings: { ...(settings as object | undefined), ...partial },
          });
        }, change);
      },
      badge: () =>
        serviceWorker.evaluate(async () => {
          const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
          return {
            text: await chrome.action.getBadgeText({}),
            title: await chrome.action.getTitle({}),
          };
        }),
      registeredMatches,
      async close() {
        await context.close().catch(() => undefined);
        await cleanUp();
      },
    };
    return handle;
  } catch (error) {
    await context.close().catch(() => undefined);
    await cleanUp();
    throw error;
  }
}
