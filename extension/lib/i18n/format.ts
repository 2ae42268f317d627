import { formatPhone } from '../../../shared/phone/cis';
import { getLanguage, type Language } from './core';

/*
 * Every date, time, amount and duration the extension shows goes through here, formatted
 * with `Intl` for the UI language. English uses the British conventions (day before month,
 * 24-hour clock), which read the same way as the cabinet's own Russian dates.
 */

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

/** The `Intl` locale of a UI language. */
export function intlLocale(language: Language = getLanguage()): string {
  return LOCALES[language];
}

/**
 * Browsers' ICU data separates digit groups and the currency sign with U+00A0 or, in newer
 * CLDR, U+202F (narrow no-break space), which older Windows fonts may lack. Rendering always
 * U+00A0 keeps an amount on one line and the same in every browser.
 */
const NARROW_NO_BREAK_SPACE = /\u202f/g;
export const NO_BREAK_SPACE = '\u00a0';

/** `+79161234567` → `+7 916 123-45-67`; anything unparsable is shown as given. */
export function displayNumber(number: string): string {
  if (!/^\+\d{6,15}$/.test(number)) return number;
  try {
    return formatPhone(number, 'international');
  } catch {
    return number;
  }
}

/**
 * A money amount: `1 500 ₽` in Russian, `₽1,500` in English; kopecks only when there are
 * any (`2 450,50 ₽`). Without a currency (ISO 4217 code) just the number, grouped.
 */
export function formatMoney(
  amount: number,
  currency?: string,
  language: Language = getLanguage(),
): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  const options: Intl.NumberFormatOptions = {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  };
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(
      intlLocale(language),
      currency === undefined
        ? options
        : { ...options, style: 'currency', currency, currencyDisplay: 'narrowSymbol' },
    );
  } catch {
    // An ill-formed currency code: the amount alone says more than nothing.
    format = new Intl.NumberFormat(intlLocale(language), options);
  }
  return format.format(amount).replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE);
}

const DATE_OPTIONS: Record<Language, Intl.DateTimeFormatOptions> = {
  ru: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};
const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const DAY_OPTIONS: Record<Language, Intl.DateTimeFormatOptions> = {
  ru: { day: '2-digit', month: '2-digit' },
  en: { day: 'numeric', month: 'short' },
};

function formatWith(
  moment: number | Date,
  options: Intl.DateTimeFormatOptions,
  language: Language,
): string {
  return new Intl.DateTimeFormat(intlLocale(language), options)
    .format(moment)
    .replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE);
}

/** A moment's date in the browser's time zone: `24.11.2025`, `24 Nov 2025`. */
export function formatDate(timestamp: number, language: Language = getLanguage()): string {
  return formatWith(timestamp, DATE_OPTIONS[language], language);
}

/** A moment's time of day, 24-hour: `09:05`. */
export function formatTime(timestamp: number, language: Language = getLanguage()): string {
  return formatWith(timestamp, TIME_OPTIONS, language);
}

/** `24.11.2025, 09:05`, `24 Nov 2025, 09:05`. */
export function formatDateTime(timestamp: number, language: Language = getLanguage()): string {
  return formatWith(timestamp, { ...DATE_OPTIONS[language], ...TIME_OPTIONS }, language);
}

/** When a call started, as a list shows it: the time today, `23.11 09:05` on earlier days. */
export function formatCallTime(
  timestamp: number,
  now: number = Date.now(),
  language: Language = getLanguage(),
): string {
  const time = formatTime(timestamp, language);
  if (new Date(now).toDateString() === new Date(timestamp).toDateString()) return time;
  return `${formatWith(timestamp, DAY_OPTIONS[language], language)} ${time}`;
}

const DATABASE_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * A date as the database gives it (`2025-11-24`, or `2025-11-24 14:05:00` for a DATETIME):
 * the calendar date the cabinet shows, never shifted by the browser's time zone. Text in
 * any other form is shown as it is.
 */
export function formatDatabaseDate(text: string, language: Language = getLanguage()): string {
  const match = DATABASE_DATE.exec(text.trim());
  if (!match) return text;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = match
    .slice(1, 6)
    .map((part) => Number(part ?? 0));
  const moment = new Date(Date.UTC(year, month - 1, day, hour, minute));
  // 2025-02-30 would roll over into March: such text is not a date.
  if (moment.getUTCMonth() !== month - 1 || moment.getUTCDate() !== day) return text;
  const options: Intl.DateTimeFormatOptions = {
    ...DATE_OPTIONS[language],
    ...(match[4] === undefined ? {} : TIME_OPTIONS),
    timeZone: 'UTC',
  };
  return formatWith(moment, options, language);
}

/** A running timer: `0:07`, `2:07`, `1:02:07`. */
export function formatClock(totalSeconds: number, language: Language = getLanguage()): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const twoDigits = new Intl.NumberFormat(intlLocale(language), { minimumIntegerDigits: 2 });
  const plain = new Intl.NumberFormat(intlLocale(language), { useGrouping: false });
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const ss = twoDigits.format(seconds % 60);
  return h > 0 ? `${plain.format(h)}:${twoDigits.format(m)}:${ss}` : `${plain.format(m)}:${ss}`;
}

/** A length of time in words: `2 мин 7 с`, `2 mins 7 secs`, `1 ч 5 мин`; zero parts left out. */
export function formatDuration(totalSeconds: number, language: Language = getLanguage()): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const locale = intlLocale(language);
  const parts: [number, 'hour' | 'minute' | 'second'][] = [
    [Math.floor(seconds / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [seconds % 60, 'second'],
  ];
  const shown = parts.filter(([value]) => value > 0);
  const words = (shown.length > 0 ? shown : [[0, 'second'] as const]).map(([value, unit]) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value),
  );
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })
    .format(words)
    .replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE);
}
