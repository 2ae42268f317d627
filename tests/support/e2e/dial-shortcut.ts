import type { ExtensionBrowser } from '../../../harness/extension/launch-extension-browser';

/** The worker's `chrome.tabs`, looked up inside the evaluated function. */
interface WorkerTabs {
  tabs: {
    query(filter: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
}

/**
 * The dial shortcut pressed in the tab showing `pageUrl`. Headless Chromium does not route
 * key presses to extension shortcuts: the command's delivery is sent as the background sends
 * it when the shortcut is pressed, to every frame of the tab.
 */
export async function pressDialShortcut(browser: ExtensionBrowser, pageUrl: string): Promise<void> {
  await browser.serviceWorker.evaluate(async (url) => {
    const chrome = (globalThis as unknown as { chrome: WorkerTabs }).chrome;
    const [found] = await chrome.tabs.query({ url: `${url}*` });
    if (found?.id !== undefined) await chrome.tabs.sendMessage(found.id, { kind: 'dial-at-caret' });
  }, pageUrl);
}
