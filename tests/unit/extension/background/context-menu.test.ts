import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CallNotifier } from '../../../../extension/background/call-notifier';
import { CALL_MENU_ID, installCallMenu } from '../../../../extension/background/context-menu';
import { dialSelection } from '../../../../extension/background/menu-dial';
import { setLanguage } from '../../../../extension/lib/i18n/core';
import '../../../../extension/lib/i18n/shell-strings';
import type { DialReply } from '../../../../extension/lib/runtime-messages';

type ClickListener = (info: { menuItemId: string | number; selectionText?: string }) => void;

function fakeMenus() {
  const listeners = new Set<ClickListener>();
  const menus = {
    removeAll: vi.fn(async () => {}),
    create: vi.fn((_properties: object, done?: () => void) => {
      done?.();
      return CALL_MENU_ID;
    }),
    update: vi.fn(async (_id: string, _properties: object) => {}),
    onClicked: {
      addListener: (listener: ClickListener) => listeners.add(listener),
      removeListener: (listener: ClickListener) => listeners.delete(listener),
    },
  };
  Object.assign(fakeBrowser, { contextMenus: menus });
  return {
    menus,
    click: (info: Parameters<ClickListener>[0]) => listeners.forEach((l) => l(info)),
    listeners,
  };
}

describe('"Call …" context menu', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  it('offers a call on selected text, in the current language, and follows language changes', async () => {
    const { menus } = fakeMenus();
    const scope = new AbortController();
    installCallMenu(() => {}, scope.signal);
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalled());
    expect(menus.removeAll).toHaveBeenCalledBefore(menus.create);
    expect(menus.create.mock.calls[0]?.[0]).toEqual({
      id: CALL_MENU_ID,
      title: 'Позвонить «%s»',
      contexts: ['selection'],
    });
    setLanguage('en');
    expect(menus.update).toHaveBeenCalledWith(CALL_MENU_ID, { title: 'Call "%s"' });
    scope.abort();
  });

  it('hands the selection of its own item to the dialler, and stops when aborted', () => {
    const { click, listeners } = fakeMenus();
    const onCall = vi.fn();
    const scope = new AbortController();
    installCallMenu(onCall, scope.signal);
    click({ menuItemId: 'other', selectionText: '101' });
    click({ menuItemId: CALL_MENU_ID, selectionText: 'тел. 8 916 123-45-67' });
    expect(onCall).toHaveBeenCalledExactlyOnceWith('тел. 8 916 123-45-67');
    scope.abort();
    expect(listeners.size).toBe(0);
  });
});

describe('dialSelection', () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  function notifier() {
    return {
      showIncoming: vi.fn(async () => {}),
      clearIncoming: vi.fn(async () => {}),
      showDial: vi.fn(async (_number: string, _message: string) => {}),
    } satisfies CallNotifier;
  }

  it('dials with the context menu as the source and reports in a notification', () => {
    const start = vi.fn((): DialReply => ({ accepted: true, requestId: 'r1' }));
    const notes = notifier();
    expect(dialSelection('тел. 8 916 123-45-67', { start }, notes)).toEqual({
      accepted: true,
      requestId: 'r1',
    });
    expect(start).toHaveBeenCalledWith('тел. 8 916 123-45-67', 'context-menu', {
      kind: 'notification',
      number: '+7 916 123-45-67',
    });
    expect(notes.showDial).not.toHaveBeenCalled();
  });

  it('says why when the call cannot start', () => {
    const notes = notifier();
    dialSelection(
      'Заказ № 17',
      { start: () => ({ accepted: false, reason: 'invalid-number' }) },
      notes,
    );
    expect(notes.showDial).toHaveBeenCalledWith(
      'Заказ № 17',
      '«Заказ № 17» не похоже на номер телефона',
    );
    dialSelection('101', { start: () => ({ accepted: false, reason: 'not-connected' }) }, notes);
    expect(notes.showDial).toHaveBeenLastCalledWith(
      '101',
      'Помощник не запущен — позвонить нельзя',
    );
  });
});
