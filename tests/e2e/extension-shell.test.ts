import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reservePort } from '../../harness/services/port-reservation';
import { serveStatic, type StaticServer } from '../../harness/serve-static';
import { buildExtension, PROJECT_ROOT } from '../../harness/extension/build-extension';
import {
  DEV_EXTENSION_ID,
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../harness/extension/launch-extension-browser';
import { screenshot } from '../support/e2e/screenshot';
import { waitUntil } from '../support/e2e/wait-until';

const FAKE_TOKEN = 'e2e-token-that-no-helper-knows-0123456789';
const DEMO_PATTERN = 'http://127.0.0.1/*';

describe('extension shell in Chromium, without a helper', () => {
  let browser: ExtensionBrowser;
  let demo: StaticServer;

  beforeAll(async () => {
    const extensionDir = await buildExtension();
    demo = await serveStatic(join(PROJECT_ROOT, 'demo', 'cabinet'));
    browser = await launchExtensionBrowser({ extensionDir });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('loads with the pinned id, its worker running and no site access asked', async () => {
    expect(browser.extensionId).toBe(DEV_EXTENSION_ID);
    expect(browser.serviceWorker.url()).toBe(
      `chrome-extension://${DEV_EXTENSION_ID}/background.js`,
    );
    expect(await browser.registeredMatches()).toEqual([]);
  });

  it('shows "helper not running" on the badge within 5 s when nothing listens on its port', async () => {
    // Reserved and never bound: nothing listens there.
    const reservation = await reservePort();
    await browser.pair(FAKE_TOKEN);
    const started = Date.now();
    await browser.setSettings({
      helper: { host: '127.0.0.1', port: reservation.port },
      language: 'en',
    });
    const badge = await waitUntil(browser.badge, (b) => b.text === '✕', 5_000).finally(() =>
      reservation.release(),
    );
    console.log(`badge showed "helper not running" after ${Date.now() - started} ms`);
    expect(badge.title).toMatch(/^Courier Telephony\nHelper not running\. Start the/);
  });

  it('renders the popup with the helper status and the dial box, in both languages', async () => {
    const popup = await browser.openPopup();
    await popup.getByText('Not running').waitFor();
    expect(await popup.locator('.ct-status').innerText()).toContain(
      'Start the helper on this computer',
    );
    expect(await popup.locator('#ct-dial-input').isVisible()).toBe(true);
    await screenshot(popup, 'popup-helper-not-running');
    await browser.setSettings({ language: 'ru' });
    await popup.getByText('Не запущен').waitFor();
    expect(await popup.locator('h1').innerText()).toBe('Курьерская телефония');
    await popup.close();
  });

  it('persists the options a user changes', async () => {
    const options = await browser.openOptions();
    await options.locator('input[name="sound"]').check();
    await options.locator('input[name="linkify"]').uncheck();
    await options.locator('select[name="language"]').selectOption('en');
    await options.getByText('Cabinet sites').waitFor();
    await options.locator('input[name="port"]').fill('47809');
    await options.locator('input[name="port"]').press('Enter');
    await options.getByText('Saved.').waitFor();
    await options.reload();
    await options.locator('.ct-page').waitFor();
    expect(await options.locator('input[name="port"]').inputValue()).toBe('47809');
    expect(await options.locator('input[name="sound"]').isChecked()).toBe(true);
    expect(await options.locator('input[name="linkify"]').isChecked()).toBe(false);
    expect(await options.locator('select[name="language"]').inputValue()).toBe('en');

    await options.locator('input[name="host"]').fill('10.0.0.5');
    await options.locator('input[name="host"]').press('Enter');
    await options.getByText('use 127.0.0.1, localhost or ::1').waitFor();
    await options.locator('input[name="linkify"]').check();
    await options.close();
  });

  it('registers the content script when a site is enabled, and the demo page gets links', async () => {
    await browser.setSettings({ rendering: 'links' });
    expect(await browser.enableSite(demo.url)).toBe(DEMO_PATTERN);
    expect(await browser.registeredMatches()).toEqual([DEMO_PATTERN]);
    const page = await browser.context.newPage();
    await page.goto(demo.url);
    await page.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('a.ct-phone').count()).toBeGreaterThan(10);
    expect(await page.locator('#phone-search').inputValue()).toBe('8 916 123-45-67');
    await screenshot(page, 'demo-page-links');

    const options = await browser.openOptions();
    await options.getByText(DEMO_PATTERN).waitFor();
    await screenshot(options, 'options');
    await options.getByRole('button', { name: `Remove ${DEMO_PATTERN}` }).click();
    await waitUntil(browser.registeredMatches, (matches) => matches.length === 0, 10_000);
    await options.close();
    await page.close();
  });
});
