import type { Environment } from './cli-io';

/*
 * The language of what the commands print (usage, doctor, pair, configuration problems).
 * Texts are written in English where they are used, as `tr` template literals; each
 * folder's `russian.ts` registers their Russian, keyed by the English with `{0}`, `{1}`…
 * in place of the values. A text without Russian prints in English. Logs stay English.
 */

export const CLI_LANGUAGES = ['ru', 'en'] as const;
export type CliLanguage = (typeof CLI_LANGUAGES)[number];

let language: CliLanguage = 'en';
const russian = new Map<string, string>();

export function setCliLanguage(next: CliLanguage): void {
  language = next;
}

export function cliLanguage(): CliLanguage {
  return language;
}

/** Adds Russian texts, keyed by their English template. */
export function registerRussian(texts: Readonly<Record<string, string>>): void {
  for (const [english, text] of Object.entries(texts)) russian.set(english, text);
}

/** Every registered Russian text by its English template (for the catalogue's own test). */
export function russianTexts(): ReadonlyMap<string, string> {
  return russian;
}

/** `a ${x} b ${y}` → `a {0} b {1}`: the key a template's translation is registered under. */
export function templateKey(strings: readonly string[]): string {
  return strings.reduce((key, part, index) => `${key}{${index - 1}}${part}`);
}

/**
 * A text in the command-line language: English as written, or its registered Russian with
 * the same values put in. Values are inserted as they are (names, paths, numbers, messages
 * of other programs).
 */
export function tr(strings: TemplateStringsArray, ...values: unknown[]): string {
  const translation = language === 'ru' ? russian.get(templateKey(strings)) : undefined;
  if (translation === undefined) {
    return strings.reduce((text, part, index) => `${text}${String(values[index - 1])}${part}`);
  }
  return translation.replace(/\{(\d+)\}/g, (_match, index: string) =>
    String(values[Number(index)]),
  );
}

/** `ru_RU.UTF-8`, `ru`, `ru-RU` are Russian; `C`, `POSIX` and every other locale English. */
function languageOfLocale(locale: string): CliLanguage {
  return locale.trim().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/**
 * The process's default locale as ICU resolves it. Asked of `PluralRules`, whose data is
 * small: a `DateTimeFormat` gives the same locale but loads ICU's calendar and date pattern
 * data, which then stays resident in a helper that runs all day (measured on Linux: 8 MiB of
 * RSS for `DateTimeFormat` against under 1 MiB for `PluralRules`, node 20 and 24 alike).
 */
function defaultIntlLocale(): string {
  return new Intl.PluralRules().resolvedOptions().locale;
}

/**
 * Russian when the system speaks Russian, English otherwise: the first of `LC_ALL`,
 * `LC_MESSAGES` and `LANG` that is set decides, as for any POSIX program. Windows sets none
 * of them; its display language is what `Intl` reports for this process.
 */
export function systemCliLanguage(
  env: Environment,
  platform: NodeJS.Platform = process.platform,
  intlLocale: () => string = defaultIntlLocale,
): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value?.trim());
  if (locale !== undefined) return languageOfLocale(locale);
  return platform === 'win32' ? languageOfLocale(intlLocale()) : 'en';
}
