const NEEDS_ESCAPE = /[\\\t\n]/;

/** A value as a field of `LOAD DATA` input (tab-separated, backslash escapes, `\N` for NULL). */
export function tsvField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}
