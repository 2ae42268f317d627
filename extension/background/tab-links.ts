import { browser } from '#imports';
import { WORKER_LINK_PORT } from '../lib/runtime-messages';
import type { SenderInfo } from './sender-policy';

type Port = ReturnType<typeof browser.runtime.connect>;

/**
 * Holds the ports cabinet tabs open to keep a link with the worker (see the content
 * script's worker link): the port is only held, nothing is said over it. Its connecting is
 * what starts a stopped worker, and this listener, added at start, is what keeps the port
 * open; a port from anyone but the extension's own content script in a cabinet tab is
 * closed as soon as `isCabinetTab` says so.
 */
export function acceptTabLinks(
  isCabinetTab: (sender: SenderInfo) => Promise<boolean>,
  signal: AbortSignal,
): void {
  const ports = new Set<Port>();
  const onConnect = (port: Port): void => {
    if (port.name !== WORKER_LINK_PORT) return;
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    void isCabinetTab(port.sender ?? {}).then((allowed) => {
      if (allowed || !ports.delete(port)) return;
      port.disconnect();
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener(
    'abort',
    () => {
      browser.runtime.onConnect.removeListener(onConnect);
      for (const port of ports) port.disconnect();
      ports.clear();
    },
    { once: true },
  );
}
