import type { Page } from 'playwright-core';
import { buildExtension } from '../../../harness/extension/build-extension';
import {
  launchExtensionBrowser,
  type ExtensionBrowser,
} from '../../../harness/extension/launch-extension-browser';
import { PairingStore } from '../../../helper/workstation/pairing/pairing-store';
import type { RealHelper } from '../real-helper';
import { waitUntil } from './wait-until';

/**
 * Chromium with the built extension, in Russian, paired with the real helper through its
 * options page and connected to it.
 */
export async function pairedBrowser(helper: RealHelper): Promise<ExtensionBrowser> {
  const extensionDir = await buildExtension();
  const browser = await launchExtensionBrowser({ extensionDir });
  await browser.setSettings({ helper: { host: '127.0.0.1', port: helper.port }, language: 'ru' });
  const store = new PairingStore({ stateDir: helper.config.paths.stateDir });
  await browser.pair((await store.createPairingCode()).code);
  await waitUntil(browser.badge, (badge) => badge.title.includes('Подключено'), 30_000);
  return browser;
}

/**
 * Enables the cabinet site and opens it in a tab, once the content script has run there:
 * numbers are inserted as links, whose first one marks that moment.
 */
export async function openCabinet(browser: ExtensionBrowser, url: string): Promise<Page> {
  await browser.setSettings({ rendering: 'links' });
  await browser.enableSite(url);
  const cabinet = await browser.context.newPage();
  await cabinet.goto(url);
  await cabinet.locator('a.ct-phone').first().waitFor({ timeout: 15_000 });
  return cabinet;
}
