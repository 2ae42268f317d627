import { formatPhone } from '../../../shared/phone/cis';

/** `+79161234567` → `+7 916 123-45-67`; anything unparsable is shown as given. */
export function displayNumber(number: string): string {
  if (!/^\+\d{6,15}$/.test(number)) return number;
  try {
    return formatPhone(number, 'international');
  } catch {
    return number;
  }
}

/** Seconds → `m:ss`, or `h:mm:ss` past an hour. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Cash on delivery without a currency sign: the same cabinet serves roubles and tenge. */
export function formatAmount(amount: number, language: string): string {
  return new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-US', {
    maximumFractionDigits: 2,
  }).format(amount);
}
