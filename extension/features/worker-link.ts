import { browser } from '#imports';
import { WORKER_LINK_PORT } from '../lib/runtime-messages';

/** A worker that stops again at once is started no more than once a second. */
const RECONNECT_PAUSE_MS = 1_000;

/**
 * Keeps a port to the background worker open while the tab lives. A browser stops an MV3
 * worker when it decides to (idle limits, memory pressure, updates, a crash), and with it
 * the helper connection. The port then disconnects; connecting again starts the worker at
 * once, which reconnects to the helper and hears of the calls in progress. `onRestart` runs
 * after each reconnect, for the tab to make itself known to the new worker.
 */
export function keepWorkerLinked(onRestart: () => void, signal: AbortSignal): void {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connectedAt = 0;

  const connect = (): boolean => {
    connectedAt = Date.now();
    try {
      port = browser.runtime.connect({ name: WORKER_LINK_PORT });
    } catch {
      // The extension was updated or removed: this script is left over and has no worker.
      port = undefined;
      return false;
    }
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (signal.aborted) return;
      const wait = Math.max(0, connectedAt + RECONNECT_PAUSE_MS - Date.now());
      timer = setTimeout(() => {
        if (!signal.aborted && connect()) onRestart();
      }, wait);
    });
    return true;
  };

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      port?.disconnect();
    },
    { once: true },
  );
  connect();
}
