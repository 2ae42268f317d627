import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tr } from './cli-text';
import './russian';

/*
 * One running program per state folder: a lock file holding the PID of the process that
 * runs, created exclusively, with the errors that say who holds it and what to change.
 */

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

/** Another helper holds the PID lock of the same state folder. */
export class AlreadyRunningError extends Error {
  override readonly name = 'AlreadyRunningError';

  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      tr`Courier helper is already running (PID ${pid}). Use that one, or stop it before starting another; if no helper runs with that PID, delete ${lockFile}.`,
    );
  }
}

/** The lock file cannot be created or read for a reason other than another helper. */
export class PidLockError extends Error {
  override readonly name = 'PidLockError';

  constructor(lockFile: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    super(
      tr`Cannot create the lock file ${lockFile} (${code}): make its folder writable by the user the helper runs as, or pass another configuration folder with --config.`,
      { cause },
    );
  }
}

/** Whether a process with this PID exists; a seam so lock tests need no real processes. */
export type ProcessAlive = (pid: number) => boolean;

/**
 * Signal 0 tests for existence without delivering anything (Windows too). EPERM means the
 * PID belongs to a process of another user: it exists, so it counts as alive rather than
 * risk two helpers on one state folder.
 */
export const processAlive: ProcessAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

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
    // The state folder also holds the pairing state and the journal spool: owner only.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
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
