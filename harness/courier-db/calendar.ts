const DAY_MS = 86_400_000;
/** Parsing and printing dates dominates generation time otherwise; the data spans few days. */
const epochDays = new Map<string, number>();
const dayTexts = new Map<number, string>();

function epochDay(day: string): number {
  let value = epochDays.get(day);
  if (value === undefined) {
    value = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    epochDays.set(day, value);
  }
  return value;
}

function dayText(epoch: number): string {
  let text = dayTexts.get(epoch);
  if (text === undefined) {
    text = new Date(epoch * DAY_MS).toISOString().slice(0, 10);
    dayTexts.set(epoch, text);
  }
  return text;
}

/** `YYYY-MM-DD` shifted by whole days (UTC arithmetic, so no DST surprises). */
export function addDays(day: string, days: number): string {
  return dayText(epochDay(day) + days);
}

/** `HH:MM:SS` from minutes after midnight. */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00`;
}

/** `YYYY-MM-DD HH:MM:SS` for a day and minutes after its midnight. */
export function dateTime(day: string, minutes: number): string {
  return `${day} ${clock(minutes)}`;
}
