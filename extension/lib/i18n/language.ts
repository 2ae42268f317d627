import { browser } from '#imports';
import { getSettings, watchSettings, type Settings } from '../settings';
import { detectLanguage, setLanguage, type Language } from './core';

/** `auto` follows the browser's own language; Russian for `ru-*`, English otherwise. */
export function resolveLanguage(
  setting: Settings['language'],
  uiLanguage: string | undefined,
): Language {
  return setting === 'auto' ? detectLanguage(uiLanguage) : setting;
}

/** The browser's own UI language, e.g. `ru-RU`. */
export function browserLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

/**
 * Applies the language setting now and whenever it changes, until `signal`
 * aborts. Resolves once the stored setting has been applied.
 */
export async function followLanguageSetting(
  signal: AbortSignal,
  uiLanguage: () => string | undefined = browserLanguage,
): Promise<void> {
  watchSettings(
    (settings) => setLanguage(resolveLanguage(settings.language, uiLanguage())),
    signal,
  );
  const settings = await getSettings();
  if (!signal.aborted) setLanguage(resolveLanguage(settings.language, uiLanguage()));
}
