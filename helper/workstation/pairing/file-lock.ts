import { open, rm, stat } from 'node:fs/promises';
import { PairingLockTimeoutError } from './errors';

export interface FileLockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  /** A lock older than this was left by a crashed process and is broken. */
  staleMs?: number;
  retryMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tryCreate(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const info = await stat(lockPath);
    return Date.now() - info.mtimeMs > staleMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Runs `task` while holding an exclusive lock file, so the helper and a
 * `courier-helper pair` process never interleave read-modify-write cycles.
 */
export async function withFileLock<T>(
  lockPath: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const { timeoutMs = 5_000, staleMs = 10_000, retryMs = 15 } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await tryCreate(lockPath))) {
    if (await isStale(lockPath, staleMs)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new PairingLockTimeoutError(lockPath);
    await sleep(retryMs);
  }
  try {
    return await task();
  } finally {
    await rm(lockPath, { force: true });
  }
}
