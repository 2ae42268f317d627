import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { siteToPattern } from '../../../extension/lib/site-patterns';
import { waitUntil } from './wait-until';

/** The add-on id in the Firefox manifest (`wxt.config.ts`). */
export const FIREFOX_EXTENSION_ID = 'courier-telephony@courier.example';
/** Debian's Firefox ESR: the tests drive the system browser, never a downloaded one. */
const FIREFOX = '/usr/bin/firefox-esr';

export interface FirefoxOptions {
  /** An unpacked Firefox build, e.g. from `buildExtension('firefox')`. */
  extensionDir: string;
  viewport?: { width: number; height: number };
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** `moz-extension://<uuid>`: pinned per run, so the extension's pages can be opened. */
  origin: string;
  newPage(): Promise<Page>;
  /** Merges a change into the stored settings, from the extension's own options page. */
  setSettings(change: Record<string, unknown>): Promise<void>;
  /** Pairs with a code through the options page, as a person would. */
  pair(code: string): Promise<void>;
  /** The toolbar button's title, which says whether the helper is connected. */
  buttonTitle(): Promise<string>;
  /** Adds a site through the options page as a person would and waits for the content script's registration. */
  enableSite(input: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Firefox ESR headless over WebDriver BiDi (puppeteer-core)
 * and installs the extension as a temporary add-on. The add-on's internal
 * UUID is pinned through `extensions.webextensions.uuids`, so its options
 * page has a known address.
 */
export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxExtensionBrowser> {
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: options.viewport ?? { width: 1100, height: 760 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: uuid }),
      'intl.locale.requested': 'en-US',
    },
  });
  try {
    await browser.installExtension(options.extensionDir);
    const optionsPage = async (): Promise<Page> => {
      const page = await browser.newPage();
      // WebDriver BiDi refuses to navigate to an add-on's page; the page itself may (see wxt.e2e.config.ts).
      await page.evaluate((url) => {
        location.href = url;
      }, `${origin}/options.html`);
      await waitUntil(
        () => page.evaluate(() => document.querySelector('.ct-page') !== null).catch(() => false),
        Boolean,
        15_000,
      );
      return page;
    };
    const inOptions = async <T>(work: (page: Page) => Promise<T>): Promise<T> => {
      const page = await optionsPage();
      try {
        return await work(page);
      } finally {
        await page.close();
      }
    };
    const registeredMatches = (page: Page) =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
        const scripts = await api.scripting.getRegisteredContentScripts();
        return scripts.flatMap((script) => script.matches ?? []);
      });
    return {
      browser,
      origin,
      newPage: () => browser.newPage(),
      setSettings: (change) =>
        inOptions((page) =>
          page.evaluate(async (partial) => {
            const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
            const { settings } = await api.storage.local.get('settings');
            await api.storage.local.set({
              settings: { ...(settings as object | undefined), ...partial },
            });
          }, change),
        ),
      pair: (code) =>
        inOptions(async (page) => {
          await page.type('input[name="pairing-code"]', code);
          await page.keyboard.press('Enter');
          await page.waitForSelector('[data-paired]', { timeout: 15_000 });
        }),
      buttonTitle: () =>
        inOptions((page) =>
          page.evaluate(() =>
            (globalThis as unknown as { browser: FirefoxApi }).browser.browserAction.getTitle({}),
          ),
        ),
      enableSite: (input) =>
        inOptions(async (page) => {
          const pattern = siteToPattern(input);
          await page.type('input[name="site"]', input);
          await page.keyboard.press('Enter');
          await waitUntil(
            () => registeredMatches(page),
            (matches) => matches.includes(pattern),
            15_000,
          );
          return pattern;
        }),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The few WebExtension APIs evaluated in the extension's options page. */
interface FirefoxApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
  browserAction: { getTitle(details: object): Promise<string> };
}
