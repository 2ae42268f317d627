import { readFileSync } from 'node:fs';

/** The last `lines` lines of a log file, or an empty string when it does not exist yet. */
export function logTail(path: string, lines = 30): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
