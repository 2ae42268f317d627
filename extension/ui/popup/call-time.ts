import { getLanguage } from '../../lib/i18n/core';

/** `14:05` for today, `12.03 14:05` (or `03/12 14:05`) for earlier days. */
export function callTime(timestamp: number, now: number = Date.now()): string {
  const date = new Date(timestamp);
  const locale = getLanguage() === 'ru' ? 'ru-RU' : 'en-GB';
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (new Date(now).toDateString() === date.toDateString()) return time;
  const day = date.toLocaleDateString(locale, { day: '2-digit', month: '2-digit' });
  return `${day} ${time}`;
}

/** `2:07` for a talk of 127 seconds. */
export function talkDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
