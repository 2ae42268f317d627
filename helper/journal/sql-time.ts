/**
 * The journal stores times as UTC `DATETIME(3)` written as text, so neither the
 * workstation's nor the server session's time zone can shift them.
 */
export function toSqlTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

/** Reads a `DATETIME(3)` column written by {@link toSqlTime} (mysql2 with dateStrings). */
export function fromSqlTime(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' || value.length < 19) return undefined;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
