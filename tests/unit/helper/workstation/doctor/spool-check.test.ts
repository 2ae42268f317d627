import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSpoolDir } from '../../../../../helper/workstation/doctor/spool-check';

describe('checkSpoolDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'doctor-spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a writable folder and leaves nothing in it', async () => {
    writeFileSync(join(dir, 'journal.spool.jsonl'), '');
    expect(await checkSpoolDir(dir)).toEqual({
      status: 'ok',
      name: 'journal spool folder writable',
      detail: `"${dir}" is writable`,
    });
    expect(readdirSync(dir)).toEqual(['journal.spool.jsonl']);
  });

  it('passes a spool whose reserve is missing while the disk has room to rebuild it', async () => {
    writeFileSync(join(dir, 'journal.spool.jsonl'), '');
    expect((await checkSpoolDir(dir)).status).toBe('ok');
  });

  it('passes a folder that can be created, and removes what it created', async () => {
    const spool = join(dir, 'state', 'journal');
    const result = await checkSpoolDir(spool);
    expect(result.status).toBe('ok');
    expect(result.detail).toBe(`"${spool}" does not exist yet; it can be created and written`);
    expect(existsSync(join(dir, 'state'))).toBe(false);
  });

  it('fails, naming journal.spoolDir, where no folder can be made', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const result = await checkSpoolDir(join(file, 'journal'));
    expect(result.status).toBe('fail');
    expect(result.detail).toBe(`cannot write in "${join(file, 'journal')}" (ENOTDIR)`);
    expect(result.fix).toMatch(/^set journal.spoolDir to a folder on a local disk/);
  });
});
