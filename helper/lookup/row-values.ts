import type { Row } from './types';

const MAX_TEXT = 512;
const MAX_CODE = 64;

function asString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return undefined;
}

/** Display text of a column, trimmed; undefined when absent or empty. */
export function text(row: Row, alias: string): string | undefined {
  const value = asString(row[alias])?.trim();
  return value ? value.slice(0, MAX_TEXT) : undefined;
}

/** A record code; undefined when absent or too long to be one. */
export function code(row: Row, alias: string): string | undefined {
  const value = asString(row[alias])?.trim();
  return value && value.length <= MAX_CODE ? value : undefined;
}

/** A money amount (DECIMAL arrives as text); undefined when absent or not a number. */
export function amount(row: Row, alias: string): number | undefined {
  const raw = row[alias];
  if (raw === null || raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** `10:00:00` → `10:00`. */
export function clock(row: Row, alias: string): string | undefined {
  const value = text(row, alias);
  if (!value) return undefined;
  const match = /^(\d{1,2}):(\d{2})/.exec(value);
  return match ? `${match[1]?.padStart(2, '0')}:${match[2]}` : value;
}
