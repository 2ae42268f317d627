import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AlreadyRunningError } from './already-running-error';
import { PidLockError } from './pid-lock-error';
import { readPidFile } from './pid-file';
import { processAlive } from './process-alive';
import type { ProcessAlive } from './process-alive';

export interface PidLockOptions {
  file: string;
  /** This process by default. */
  pid?: number;
  alive?: ProcessAlive;
}

export interface PidLock {
  readonly file: string;
  /** Removes the file if it still names this process; safe to call twice. */
  release(): void;
}

/** A stale lock is removed and creation retried; more tries mean another helper races us. */
const ATTEMPTS = 3;

/** The running helper named by a lock file, if that process is alive. */
export function runningHelperPid(
  file: string,
  alive: ProcessAlive = processAlive,
  self: number = process.pid,
): number | undefined {
  const pid = readPidFile(file);
  return pid !== undefined && pid !== self && alive(pid) ? pid : undefined;
}

/**
 * Creates the lock file exclusively with this PID. A file naming a dead process (a crash,
 * a power cut) or holding garbage is stale and replaced; one naming a live process means
 * another helper runs, and AlreadyRunningError says which. The WebSocket port stays the
 * last guard against two helpers that start in the same instant.
 */
export function acquirePidLock(options: PidLockOptions): PidLock {
  const pid = options.pid ?? process.pid;
  const alive = options.alive ?? processAlive;
  const { file } = options;
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new PidLockError(file, error);
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, `${pid}\n`);
      } finally {
        closeSync(fd);
      }
      return lockHeldBy(file, pid);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new PidLockError(file, error);
      const holder = runningHelperPid(file, alive, pid);
      if (holder !== undefined) throw new AlreadyRunningError(holder, file);
      try {
        rmSync(file, { force: true });
      } catch (removal) {
        throw new PidLockError(file, removal);
      }
    }
  }
  throw new PidLockError(file, new Error('the lock file reappeared while replacing a stale one'));
}

function lockHeldBy(file: string, pid: number): PidLock {
  return {
    file,
    release: () => {
      if (readPidFile(file) === pid) rmSync(file, { force: true });
    },
  };
}
