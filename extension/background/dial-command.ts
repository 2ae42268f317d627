import { browser } from '#imports';
import { sendToTab } from './tab-messaging';

/** The `commands` entry in the manifest: a shortcut that dials the number at the selection or caret. */
export const DIAL_COMMAND = 'dial-number-at-caret';

/**
 * Passes the shortcut on to the tab it was pressed in; the focused frame's
 * content script finds the number and dials it with its usual toast. A
 * shortcut is a person's gesture on the browser itself, which no page can fake.
 */
export function listenForDialCommand(signal: AbortSignal): void {
  const onCommand = (command: string, tab?: { id?: number }) => {
    if (command !== DIAL_COMMAND) return;
    void (async () => {
      const tabId =
        tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId !== undefined) await sendToTab(tabId, { kind: 'dial-at-caret' });
    })();
  };
  browser.commands.onCommand.addListener(onCommand);
  signal.addEventListener('abort', () => browser.commands.onCommand.removeListener(onCommand), {
    once: true,
  });
}
