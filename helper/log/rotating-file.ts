import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEFAULT_MAX_LOG_BYTES = 10 * 1024 * 1024;
export const DEFAULT_KEPT_LOGS = 5;

export interface RotatingFileOptions {
  path: string;
  /** A file that reached this size is renamed to `.1` before the next line. */
  maxBytes?: number;
  /** Older files kept: `.1` (newest) to `.N`; the oldest is dropped. */
  keep?: number;
  /** Told once per run of failed writes (disk full, folder removed); lines are dropped meanwhile. */
  onError?: (error: Error) => void;
}

/** A line sink pino can write to, with size-based rotation. */
export interface RotatingFile {
  write(line: string): boolean;
  /** Writes are synchronous, so there is nothing to flush; pino calls it on exit. */
  flushSync(): void;
  close(): void;
}

function rename(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Appends whole lines to `path` and rotates `path` → `path.1` → … → `path.N` when it grows
 * past `maxBytes`, at start as well as while running. Plain synchronous writes: no worker
 * thread and no transport, so it works the same inside the single-file executable, and a
 * crash loses no line already logged. One helper writes the file (the PID lock sees to it).
 */
export function openRotatingFile(options: RotatingFileOptions): RotatingFile {
  const { path } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const keep = Math.max(1, options.keep ?? DEFAULT_KEPT_LOGS);
  let fd: number | undefined;
  let size = 0;
  let failing = false;
  let closed = false;

  const open = (): number => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const opened = openSync(path, 'a', 0o600);
    size = fstatSync(opened).size;
    return opened;
  };
  const closeFd = (): void => {
    if (fd === undefined) return;
    const open = fd;
    fd = undefined;
    closeSync(open);
  };
  const rotate = (): void => {
    closeFd();
    rmSync(`${path}.${keep}`, { force: true });
    for (let index = keep - 1; index >= 1; index--)
      rename(`${path}.${index}`, `${path}.${index + 1}`);
    rename(path, `${path}.1`);
  };
  const ensureOpen = (incoming: number): number => {
    if (fd === undefined) fd = open();
    if (size > 0 && size + incoming > maxBytes) {
      rotate();
      fd = open();
    }
    return fd;
  };

  try {
    fd = open();
    if (size >= maxBytes) {
      rotate();
      fd = open();
    }
  } catch (error) {
    closeFd();
    failing = true;
    options.onError?.(error as Error);
  }

  return {
    write(line) {
      if (closed) return false;
      const bytes = Buffer.from(line, 'utf8');
      try {
        writeSync(ensureOpen(bytes.length), bytes);
        size += bytes.length;
        failing = false;
      } catch (error) {
        try {
          closeFd();
        } catch {
          // The descriptor is already unusable; the next write opens a new one.
        }
        if (!failing) options.onError?.(error as Error);
        failing = true;
      }
      return true;
    },
    flushSync() {},
    close() {
      closed = true;
      closeFd();
    },
  };
}
