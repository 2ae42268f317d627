import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DIAL_COMMAND, listenForDialCommand } from '../../../../extension/background/dial-command';

type CommandListener = (command: string, tab?: { id?: number }) => void;

let listeners: Set<CommandListener>;
let sent: { tabId: number; message: unknown }[];
let controller: AbortController;

beforeEach(() => {
  listeners = new Set();
  sent = [];
  controller = new AbortController();
  Object.assign(fakeBrowser, {
    commands: {
      onCommand: {
        addListener: (listener: CommandListener) => listeners.add(listener),
        removeListener: (listener: CommandListener) => listeners.delete(listener),
      },
    },
  });
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    message: unknown,
  ) => {
    sent.push({ tabId, message });
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

const press = (command: string, tab?: { id?: number }) =>
  listeners.forEach((listener) => listener(command, tab));

describe('the keyboard shortcut in the background', () => {
  it('passes the shortcut on to the tab it was pressed in', async () => {
    listenForDialCommand(controller.signal);
    press(DIAL_COMMAND, { id: 3 });
    await vi.waitFor(() =>
      expect(sent).toEqual([{ tabId: 3, message: { kind: 'dial-at-caret' } }]),
    );
  });

  it('falls back to the active tab, and ignores other commands', async () => {
    listenForDialCommand(controller.signal);
    press('_execute_action');
    press(DIAL_COMMAND);
    await vi.waitFor(() =>
      expect(sent).toEqual([{ tabId: 7, message: { kind: 'dial-at-caret' } }]),
    );
  });

  it('stops listening when its signal aborts', () => {
    listenForDialCommand(controller.signal);
    controller.abort();
    expect(listeners.size).toBe(0);
  });
});
