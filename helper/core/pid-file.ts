import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PID_FILE_NAME = 'helper.pid';

/** The lock lives in the state folder, so one helper runs per configuration. */
export function pidFileFor(stateDir: string): string {
  return join(stateDir, PID_FILE_NAME);
}

/** The PID written in a lock file; undefined when it is missing, empty or garbled. */
export function readPidFile(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 && String(pid) === text.trim() ? pid : undefined;
}
