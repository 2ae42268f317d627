import { mkdir, open, rm, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_RESERVE_BYTES,
  isDiskFull,
  RESERVE_FILE,
  SPOOL_FILE,
} from '../../journal/journal-spool';
import { fail, ok } from './check-result';
import type { CheckResult } from './check-result';
import { tr } from '../../core/cli-text';
import './russian';

export const SPOOL_CHECK = (): string => tr`journal spool folder writable`;

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

function diskFull(dir: string, reason: string): CheckResult {
  return fail(
    SPOOL_CHECK(),
    tr`cannot write in "${dir}" (${reason}): the disk holding it is full, so the journal cannot spool calls; a running helper keeps them on the spool's reserve, then in memory, until there is room`,
    tr`free space on the disk of "${dir}" (or set journal.spoolDir to a folder on another local disk)`,
  );
}

async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then(
    (info) => info.size,
    () => undefined,
  );
}

/**
 * True when a helper's spool lives here and its reserve is short by more than the disk
 * has free: the helper gave the reserve's room to calls because the disk was full, and it
 * is full still, although a small probe may find room.
 */
async function reserveInUse(dir: string): Promise<boolean> {
  if ((await sizeOf(join(dir, SPOOL_FILE))) === undefined) return false;
  const missing = DEFAULT_RESERVE_BYTES - ((await sizeOf(join(dir, RESERVE_FILE))) ?? 0);
  if (missing <= 0) return false;
  const disk = await statfs(dir);
  return disk.bavail * disk.bsize < missing;
}

/**
 * Creates the folder if needed and writes, syncs and deletes a probe file in it, as the
 * journal's spool will. A folder the doctor had to create is removed again: the check
 * leaves the disk as it found it, and the helper creates the folder when it starts.
 */
export async function checkSpoolDir(dir: string): Promise<CheckResult> {
  let created: string | undefined;
  const probe = join(dir, `.doctor-probe-${process.pid}.tmp`);
  let probeOpened = false;
  try {
    created = await mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await open(probe, 'wx', 0o600);
    probeOpened = true;
    try {
      await handle.write('probe\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (await reserveInUse(dir)) return diskFull(dir, tr`ENOSPC: the spool's reserve is in use`);
    return ok(
      SPOOL_CHECK(),
      created === undefined
        ? tr`"${dir}" is writable`
        : tr`"${dir}" does not exist yet; it can be created and written`,
    );
  } catch (error) {
    if (isDiskFull(error)) return diskFull(dir, reasonOf(error));
    return fail(
      SPOOL_CHECK(),
      tr`cannot write in "${dir}" (${reasonOf(error)})`,
      tr`set journal.spoolDir to a folder on a local disk that this user may write, or give this user write access to "${dir}"`,
    );
  } finally {
    if (probeOpened) await rm(probe, { force: true }).catch(() => undefined);
    if (created !== undefined)
      await rm(created, { recursive: true, force: true }).catch(() => undefined);
  }
}
