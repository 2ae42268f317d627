import { readFileSync } from 'node:fs';

export class ProcessGoneError extends Error {
  override readonly name = 'ProcessGoneError';
}

/** Resident set size of a running process, in KiB (`VmRSS` of `/proc/<pid>/status`). */
export function residentKib(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    throw new ProcessGoneError(`process ${pid} is gone: its /proc/${pid}/status cannot be read`);
  }
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) {
    throw new ProcessGoneError(`process ${pid} has no VmRSS line: it is exiting`);
  }
  return Number(match[1]);
}
