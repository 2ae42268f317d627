import { browser, type Browser } from '#imports';
import type { FromBackground } from '../lib/runtime-messages';

/**
 * Delivery to content scripts and extension pages. A tab without our content
 * script, or no open popup, is normal: those failures are swallowed.
 */
export async function sendToTab(
  tabId: number,
  message: FromBackground,
  frameId?: number,
): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, frameId === undefined ? {} : { frameId });
    return true;
  } catch {
    return false;
  }
}

export async function sendToExtensionPages(message: FromBackground): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No popup or options page is open.
  }
}

/** Tabs showing one of the enabled sites (their URLs are visible through the granted hosts). */
export async function cabinetTabs(sites: readonly string[]): Promise<Browser.tabs.Tab[]> {
  if (sites.length === 0) return [];
  try {
    return await browser.tabs.query({ url: [...sites] });
  } catch {
    return [];
  }
}

export async function broadcastToCabinetTabs(
  sites: readonly string[],
  message: FromBackground,
): Promise<void> {
  const tabs = await cabinetTabs(sites);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? false : sendToTab(tab.id, message))));
}
