import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
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
    created = await mkdir(dir, { recursive: true });
    const handle = await open(probe, 'wx', 0o600);
    probeOpened = true;
    try {
      await handle.write('probe\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return ok(
      SPOOL_CHECK(),
      created === undefined
        ? tr`"${dir}" is writable`
        : tr`"${dir}" does not exist yet; it can be created and written`,
    );
  } catch (error) {
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
