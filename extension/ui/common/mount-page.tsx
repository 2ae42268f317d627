import { render, type ComponentChildren } from 'preact';
import { getLanguage, onLanguageChange } from '../../lib/i18n/core';
import { followLanguageSetting } from '../../lib/i18n/language';
import '../../lib/i18n/shell-strings';

/**
 * Renders an extension page once its language is known, so the first paint
 * is already in the operator's language; unmounts when the page goes away.
 */
export async function mountPage(
  root: HTMLElement,
  page: () => ComponentChildren,
  titleKey: () => string,
): Promise<void> {
  const scope = new AbortController();
  addEventListener('pagehide', () => scope.abort(), { once: true });
  const applyLanguage = () => {
    document.documentElement.lang = getLanguage();
    document.title = titleKey();
  };
  onLanguageChange(applyLanguage, scope.signal);
  await followLanguageSetting(scope.signal);
  applyLanguage();
  render(page(), root);
  scope.signal.addEventListener('abort', () => render(null, root), { once: true });
}
