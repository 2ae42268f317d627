import type { RawData } from 'ws';

export function frameText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * The `id` of a frame that failed validation, when it has a usable one, so the
 * extension can match the error to the request that caused it.
 */
export function requestIdOf(text: string): string | undefined {
  try {
    const raw = JSON.parse(text) as unknown;
    if (typeof raw !== 'object' || raw === null) return undefined;
    const id = (raw as { id?: unknown }).id;
    return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
  } catch {
    return undefined;
  }
}
