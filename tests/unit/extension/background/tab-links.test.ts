import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptTabLinks } from '../../../../extension/background/tab-links';
import { WORKER_LINK_PORT } from '../../../../extension/lib/runtime-messages';

type ConnectListener = (port: unknown) => void;

let connectListeners: ConnectListener[];

function port(name: string, tabUrl: string) {
  const onDisconnect: Array<() => void> = [];
  return {
    name,
    sender: { id: 'own', tab: { id: 7, url: tabUrl } },
    disconnect: vi.fn(() => onDisconnect.forEach((listener) => listener())),
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  connectListeners = [];
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(((
    listener: ConnectListener,
  ) => connectListeners.push(listener)) as never);
  vi.spyOn(fakeBrowser.runtime.onConnect, 'removeListener').mockImplementation(((
    listener: ConnectListener,
  ) => {
    connectListeners = connectListeners.filter((known) => known !== listener);
  }) as never);
});

afterEach(() => vi.restoreAllMocks());

const connect = (p: unknown) => connectListeners.forEach((listener) => listener(p));

describe('acceptTabLinks', () => {
  it("holds a cabinet tab's link, closes another site's once checked, and lets go at the end", async () => {
    const controller = new AbortController();
    acceptTabLinks(
      async (sender) => sender.tab?.url?.startsWith('https://cabinet.example/') === true,
      controller.signal,
    );
    const cabinet = port(WORKER_LINK_PORT, 'https://cabinet.example/orders');
    const elsewhere = port(WORKER_LINK_PORT, 'https://elsewhere.example/');
    const unrelated = port('something-else', 'https://cabinet.example/');
    connect(cabinet);
    connect(elsewhere);
    connect(unrelated);
    await vi.waitFor(() => expect(elsewhere.disconnect).toHaveBeenCalledOnce());
    expect(cabinet.disconnect).not.toHaveBeenCalled();
    expect(unrelated.disconnect).not.toHaveBeenCalled();

    controller.abort();
    expect(cabinet.disconnect).toHaveBeenCalledOnce();
    expect(connectListeners).toEqual([]);
  });
});
