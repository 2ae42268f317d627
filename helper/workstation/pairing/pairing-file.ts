import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { PairingStateCorruptError } from './errors';
import { emptyPairingState, PairingState } from './pairing-state';

const RENAME_RETRIES = 5;
const RENAME_RETRY_MS = 20;

function isErrno(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '');
}

export async function ensureStateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** A missing file is an empty state: nothing has been paired yet. */
export async function readPairingState(path: string): Promise<PairingState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return emptyPairingState();
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PairingStateCorruptError(path, 'not valid JSON');
  }
  const result = v.safeParse(PairingState, raw);
  if (!result.success) {
    throw new PairingStateCorruptError(path, result.issues[0]?.message ?? 'unexpected content');
  }
  return result.output;
}

/**
 * Temp file plus rename, so a reader in another process sees either the old
 * or the new state, never half of it. Windows may briefly refuse the rename
 * while a scanner holds the target open, hence the short retries.
 */
export async function writePairingState(path: string, state: PairingState): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await rename(temp, path);
        return;
      } catch (error) {
        if (attempt >= RENAME_RETRIES || !isErrno(error, 'EPERM', 'EBUSY', 'EACCES')) throw error;
        await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
      }
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
