import { browser } from '#imports';
import { onLanguageChange, t } from '../lib/i18n/core';

export const CALL_MENU_ID = 'courier-telephony-call-selection';

function menuTitle(): string {
  // `%s` is replaced by the browser with the selected text.
  return t('shell.menu.callSelection', { text: '%s' });
}

/**
 * "Call «…»" on selected text, for numbers the page's links missed. Clicking
 * a menu item of the extension is a user gesture on the extension's own UI,
 * which is what allows it to dial.
 */
export function installCallMenu(onCall: (selection: string) => void, signal: AbortSignal): void {
  const menus = browser.contextMenus;
  const ignoreError = () => void browser.runtime.lastError;
  void menus.removeAll().then(() => {
    if (signal.aborted) return;
    menus.create({ id: CALL_MENU_ID, title: menuTitle(), contexts: ['selection'] }, ignoreError);
  });
  const onClicked = (info: { menuItemId: string | number; selectionText?: string }) => {
    if (info.menuItemId === CALL_MENU_ID && info.selectionText) onCall(info.selectionText);
  };
  menus.onClicked.addListener(onClicked);
  signal.addEventListener('abort', () => menus.onClicked.removeListener(onClicked), { once: true });
  onLanguageChange(() => {
    void menus.update(CALL_MENU_ID, { title: menuTitle() }).catch(() => {});
  }, signal);
}
