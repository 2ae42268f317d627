import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import {
  displayNumber,
  formatCallTime,
  formatClock,
  formatDatabaseDate,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatTime,
  intlLocale,
} from '../../../../../extension/lib/i18n/format';

/** U+00A0: what separates digit groups and the currency sign, whatever the browser's ICU. */
const NBSP = '\u00a0';

/** 24 November 2025, 09:05 in the test's own time zone. */
const MOMENT = new Date(2025, 10, 24, 9, 5).getTime();

afterEach(() => setLanguage('en'));

describe('formatMoney', () => {
  it('writes roubles the Russian way, with no-break spaces and kopecks only when present', () => {
    expect(formatMoney(1500, 'RUB', 'ru')).toBe(`1${NBSP}500${NBSP}₽`);
    expect(formatMoney(2450.5, 'RUB', 'ru')).toBe(`2${NBSP}450,50${NBSP}₽`);
    expect(formatMoney(1234567, 'RUB', 'ru')).toBe(`1${NBSP}234${NBSP}567${NBSP}₽`);
    expect(formatMoney(15000, 'KZT', 'ru')).toBe(`15${NBSP}000${NBSP}₸`);
  });

  it('writes them the English way', () => {
    expect(formatMoney(1500, 'RUB', 'en')).toBe('₽1,500');
    expect(formatMoney(2450.5, 'RUB', 'en')).toBe('₽2,450.50');
    expect(formatMoney(15000, 'KZT', 'en')).toBe('₸15,000');
  });

  it('never renders the narrow no-break space some ICU versions use', () => {
    for (const text of [formatMoney(1500, 'RUB', 'ru'), formatMoney(98765.25, 'EUR', 'ru')]) {
      expect(text).not.toMatch(/[\u202f ]/);
    }
  });

  it('groups the amount alone when the currency is unknown or ill-formed', () => {
    expect(formatMoney(1500, undefined, 'ru')).toBe(`1${NBSP}500`);
    expect(formatMoney(1500, undefined, 'en')).toBe('1,500');
    expect(formatMoney(1500, 'roubles', 'ru')).toBe(`1${NBSP}500`);
  });

  it('follows the UI language when none is given', () => {
    setLanguage('ru');
    expect(formatMoney(1500, 'RUB')).toBe(`1${NBSP}500${NBSP}₽`);
    setLanguage('en');
    expect(formatMoney(1500, 'RUB')).toBe('₽1,500');
  });
});

describe('dates and times', () => {
  it('shows a database date as the cabinet does, never shifted by the time zone', () => {
    expect(formatDatabaseDate('2025-11-24', 'ru')).toBe('24.11.2025');
    expect(formatDatabaseDate('2025-11-24', 'en')).toBe('24 Nov 2025');
    expect(formatDatabaseDate('2025-01-01', 'ru')).toBe('01.01.2025');
    expect(formatDatabaseDate('2025-11-24 14:05:00', 'ru')).toBe('24.11.2025, 14:05');
    expect(formatDatabaseDate('2025-11-24T14:05', 'en')).toBe('24 Nov 2025, 14:05');
  });

  it('shows text that is no date as it is', () => {
    expect(formatDatabaseDate('завтра до обеда', 'ru')).toBe('завтра до обеда');
    expect(formatDatabaseDate('24.11.2025', 'en')).toBe('24.11.2025');
    expect(formatDatabaseDate('2025-02-30', 'ru')).toBe('2025-02-30');
    expect(formatDatabaseDate('2025-11-24 25:00', 'ru')).toBe('2025-11-24 25:00');
  });

  it('formats a moment in both languages, 24-hour', () => {
    expect(formatDate(MOMENT, 'ru')).toBe('24.11.2025');
    expect(formatDate(MOMENT, 'en')).toBe('24 Nov 2025');
    expect(formatTime(MOMENT, 'ru')).toBe('09:05');
    expect(formatTime(MOMENT, 'en')).toBe('09:05');
    expect(formatDateTime(MOMENT, 'ru')).toBe('24.11.2025, 09:05');
    expect(formatDateTime(MOMENT, 'en')).toBe('24 Nov 2025, 09:05');
  });

  it('gives a call time of today as the time only, of an earlier day with the day', () => {
    const laterToday = new Date(2025, 10, 24, 18, 0).getTime();
    const nextDay = new Date(2025, 10, 25, 8, 0).getTime();
    expect(formatCallTime(MOMENT, laterToday, 'ru')).toBe('09:05');
    expect(formatCallTime(MOMENT, nextDay, 'ru')).toBe('24.11 09:05');
    expect(formatCallTime(MOMENT, nextDay, 'en')).toBe('24 Nov 09:05');
  });
});

describe('durations', () => {
  it('runs a timer as m:ss, then h:mm:ss', () => {
    for (const language of ['ru', 'en'] as const) {
      expect(formatClock(0, language)).toBe('0:00');
      expect(formatClock(65.9, language)).toBe('1:05');
      expect(formatClock(3727, language)).toBe('1:02:07');
      expect(formatClock(-3, language)).toBe('0:00');
    }
  });

  it('says a length of time in words', () => {
    expect(formatDuration(127, 'ru')).toBe('2 мин 7 с');
    expect(formatDuration(127, 'en')).toBe('2 mins 7 secs');
    expect(formatDuration(3900, 'ru')).toBe('1 ч 5 мин');
    expect(formatDuration(3900, 'en')).toBe('1 hr 5 mins');
    expect(formatDuration(45, 'ru')).toBe('45 с');
    expect(formatDuration(60, 'en')).toBe('1 min');
    expect(formatDuration(0, 'ru')).toBe('0 с');
  });
});

describe('the rest', () => {
  it('maps UI languages to Intl locales', () => {
    expect(intlLocale('ru')).toBe('ru-RU');
    expect(intlLocale('en')).toBe('en-GB');
  });

  it('formats phone numbers and leaves what it cannot parse', () => {
    expect(displayNumber('+79161234567')).toBe('+7 916 123-45-67');
    expect(displayNumber('101')).toBe('101');
  });
});
