import { browser } from '#imports';
import { patternHomeUrl, urlMatchesSites } from '../lib/site-patterns';
import { cabinetTabs } from './tab-messaging';

export interface FrontTab {
  tabId: number;
  /** False when the browser itself is behind another application. */
  windowFocused: boolean;
}

/** The active tab of the last focused window, when it shows an enabled site. */
export async function frontCabinetTab(sites: readonly string[]): Promise<FrontTab | null> {
  try {
    const window = await browser.windows.getLastFocused();
    if (window?.id === undefined) return null;
    const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
    if (tab?.id === undefined || !urlMatchesSites(tab.url, sites)) return null;
    return { tabId: tab.id, windowFocused: window.focused };
  } catch {
    return null;
  }
}

/**
 * Brings a cabinet tab to the front: one of `preferred` (tabs showing the
 * call) if still open, else any tab of an enabled site, else opens the first
 * enabled site.
 */
export async function focusCabinetTab(
  sites: readonly string[],
  preferred: readonly number[],
): Promise<void> {
  const tabs = await cabinetTabs(sites);
  const tab = tabs.find((t) => t.id !== undefined && preferred.includes(t.id)) ?? tabs[0];
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  const home = sites.map(patternHomeUrl).find((url) => url !== null);
  if (home) await browser.tabs.create({ url: home });
}

/** The same page: scheme, host, path and query; the fragment is the page's own business. */
function samePage(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  try {
    const left = new URL(a);
    const right = new URL(b);
    left.hash = '';
    right.hash = '';
    return left.href === right.href;
  } catch {
    return false;
  }
}

/**
 * Brings a cabinet page to the front: the tab already showing it (among the tabs of the
 * enabled sites, whose addresses the extension may read) is activated and its window
 * focused; otherwise the page opens in a new tab.
 */
export async function showCabinetPage(url: string, sites: readonly string[]): Promise<void> {
  const tabs = await cabinetTabs(sites);
  const tab = tabs.find((candidate) => candidate.id !== undefined && samePage(candidate.url, url));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url, active: true });
}
