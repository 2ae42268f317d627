import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepWorkerLinked } from '../../../../extension/features/worker-link';
import { WORKER_LINK_PORT } from '../../../../extension/lib/runtime-messages';

interface FakePort {
  name: string;
  disconnect: ReturnType<typeof vi.fn>;
  /** What the browser does when it stops the worker. */
  workerStopped(): void;
}

let ports: FakePort[];
let controller: AbortController;

function fakePort(name: string): FakePort {
  const listeners: Array<() => void> = [];
  return {
    name,
    disconnect: vi.fn(),
    workerStopped: () => listeners.forEach((listener) => listener()),
    onDisconnect: { addListener: (listener: () => void) => listeners.push(listener) },
  } as FakePort;
}

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  ports = [];
  controller = new AbortController();
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = fakePort(info.name);
    ports.push(port);
    return port;
  }) as never);
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('keepWorkerLinked', () => {
  it('connects again when the worker stops, at most once a second, and announces the tab', () => {
    const restarts = vi.fn();
    keepWorkerLinked(restarts, controller.signal);
    expect(ports.map((port) => port.name)).toEqual([WORKER_LINK_PORT]);

    ports[0]!.workerStopped();
    vi.advanceTimersByTime(999);
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(ports).toHaveLength(2);
    expect(restarts).toHaveBeenCalledOnce();

    // A port that lived past the pause is replaced at once.
    vi.advanceTimersByTime(5_000);
    ports[1]!.workerStopped();
    vi.advanceTimersByTime(0);
    expect(ports).toHaveLength(3);
    expect(restarts).toHaveBeenCalledTimes(2);
  });

  it('lets go of the worker when the content script ends', () => {
    const restarts = vi.fn();
    keepWorkerLinked(restarts, controller.signal);
    ports[0]!.workerStopped();
    controller.abort();
    vi.advanceTimersByTime(5_000);
    expect(ports).toHaveLength(1);
    expect(restarts).not.toHaveBeenCalled();

    const other = new AbortController();
    keepWorkerLinked(restarts, other.signal);
    other.abort();
    expect(ports[1]!.disconnect).toHaveBeenCalledOnce();
  });

  it('stops trying in a script left over from an updated extension', () => {
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    const restarts = vi.fn();
    expect(() => keepWorkerLinked(restarts, controller.signal)).not.toThrow();
    vi.advanceTimersByTime(10_000);
    expect(restarts).not.toHaveBeenCalled();
  });
});
