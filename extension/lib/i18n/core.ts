/**
 * Tiny runtime-switchable i18n. Browser `_locales` cannot change language
 * without a restart and the operator may pick one in options, so UI strings
 * live in per-feature dictionaries registered here.
 */
export type Language = 'ru' | 'en';
export type Dictionary = Record<string, string>;

const dictionaries: Record<Language, Dictionary> = { ru: {}, en: {} };
let current: Language = 'en';
const listeners = new Set<(language: Language) => void>();

/** Each feature registers its strings once at module load. */
export function registerStrings(strings: { ru: Dictionary; en: Dictionary }): void {
  Object.assign(dictionaries.ru, strings.ru);
  Object.assign(dictionaries.en, strings.en);
}

export function detectLanguage(uiLanguage: string | undefined): Language {
  return uiLanguage?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  for (const listener of listeners) listener(language);
}

export function getLanguage(): Language {
  return current;
}

export function onLanguageChange(
  listener: (language: Language) => void,
  signal: AbortSignal,
): void {
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}

/** `{name}` placeholders are replaced from `params`; a missing key shows itself. */
export function t(key: string, params?: Record<string, string | number>): string {
  const template = dictionaries[current][key] ?? dictionaries.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
