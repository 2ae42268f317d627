import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../helper/log/create-logger';
import { openRotatingFile } from '../../../../helper/log/rotating-file';
import { tempHome } from '../../../support/helper/workstation/install/install-harness';
import type { TempHome } from '../../../support/helper/workstation/install/install-harness';

describe('rotating log file', () => {
  let dir: TempHome;
  let path: string;
  beforeEach(() => {
    dir = tempHome();
    path = join(dir.path, 'logs', 'helper.log');
  });
  afterEach(() => dir.remove());

  const line = (n: number) => `${String(n).padStart(9, '0')}\n`;

  it('appends, and rotates to .1 … .N when the next line would pass the limit', () => {
    const file = openRotatingFile({ path, maxBytes: 30, keep: 2 });
    for (let n = 0; n < 12; n++) file.write(line(n));
    file.close();
    expect(readFileSync(path, 'utf8')).toBe(line(9) + line(10) + line(11));
    expect(readFileSync(`${path}.1`, 'utf8')).toBe(line(6) + line(7) + line(8));
    expect(readFileSync(`${path}.2`, 'utf8')).toBe(line(3) + line(4) + line(5));
    expect(existsSync(`${path}.3`)).toBe(false);
  });

  it('rotates at start a file that already reached the limit, and appends to a smaller one', () => {
    openRotatingFile({ path, maxBytes: 1000 }).close();
    writeFileSync(path, 'x'.repeat(100));
    const big = openRotatingFile({ path, maxBytes: 100 });
    big.write('new\n');
    big.close();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('x'.repeat(100));
    const small = openRotatingFile({ path, maxBytes: 100 });
    small.write('more\n');
    small.close();
    expect(readFileSync(path, 'utf8')).toBe('new\nmore\n');
  });

  it('reports a run of failing writes once and drops those lines (a full disk)', () => {
    const errors: Error[] = [];
    const file = openRotatingFile({ path: '/dev/full', onError: (error) => errors.push(error) });
    expect(file.write('one\n')).toBe(true);
    file.write('two\n');
    file.write('three\n');
    file.close();
    expect(errors).toHaveLength(1);
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ENOSPC');
  });

  it('is what the helper logger writes its file through', async () => {
    const { logger, close } = createLogger({
      level: 'info',
      file: path,
      secrets: ['s3cret-value'],
      stream: { write: () => undefined },
    });
    logger.info('hello s3cret-value');
    await close();
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('hello [redacted]');
  });
});
