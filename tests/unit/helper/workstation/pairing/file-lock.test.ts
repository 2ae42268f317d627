import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingLockTimeoutError } from '../../../../../helper/workstation/pairing/errors';
import { withFileLock } from '../../../../../helper/workstation/pairing/file-lock';

let dir: string;
let lockPath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lock-'));
  lockPath = join(dir, 'state.lock');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('runs tasks one at a time and removes the lock afterwards', async () => {
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push(`${name}:end`);
    };
    await Promise.all([withFileLock(lockPath, task('a')), withFileLock(lockPath, task('b'))]);
    expect(order[1]).toBe(`${order[0]!.split(':')[0]}:end`);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('releases the lock when the task throws', async () => {
    await expect(
      withFileLock(lockPath, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lockPath)).toBe(false);
  });

  it('breaks a lock left behind by a crashed process', async () => {
    await writeFile(lockPath, '99999\n');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);
    await expect(withFileLock(lockPath, async () => 'done')).resolves.toBe('done');
  });

  it('gives up on a fresh lock held too long, naming the lock file', async () => {
    await writeFile(lockPath, '99999\n');
    const attempt = withFileLock(lockPath, async () => 'never', { timeoutMs: 100 });
    await expect(attempt).rejects.toThrow(PairingLockTimeoutError);
    await expect(attempt).rejects.toThrow(lockPath);
  });
});
