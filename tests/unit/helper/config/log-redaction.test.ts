import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../helper/log/create-logger';
import { createScrubber } from '../../../../helper/log/scrub';

const AMI_SECRET = 'ami-S3cret"\\x';
const DB_PASSWORD = 'db-Pa55word';

function memoryStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

function logEverything(logger: ReturnType<typeof createLogger>['logger']): void {
  logger.info({ secret: AMI_SECRET, password: DB_PASSWORD }, 'top-level fields');
  logger.info(
    { config: { pbx: { secret: AMI_SECRET }, database: { password: DB_PASSWORD } } },
    'nested',
  );
  logger.info({ frame: { Action: 'Login', Username: 'u', Secret: AMI_SECRET } }, 'AMI frame');
  logger.info({ token: 'tok-123456', code: '123456' }, 'pairing');
  logger.warn(`connect failed with ${AMI_SECRET} and ${DB_PASSWORD}`);
  logger.error({ err: new Error(`Access denied (${DB_PASSWORD})`) }, 'database error');
  logger.info({ url: `mysql://u:${encodeURIComponent(AMI_SECRET)}@db/courier` }, 'encoded');
}

describe('logging', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helper-log-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('never writes the AMI secret or the database password, to stderr or the file', async () => {
    const memory = memoryStream();
    const file = join(dir, 'logs', 'helper.log');
    const { logger, close } = createLogger({
      level: 'trace',
      file,
      secrets: [AMI_SECRET, DB_PASSWORD],
      stream: memory.stream,
    });
    logEverything(logger);
    await close();
    const fileText = readFileSync(file, 'utf8');
    for (const text of [memory.text(), fileText]) {
      expect(text.split('\n').filter(Boolean)).toHaveLength(7);
      for (const needle of [
        AMI_SECRET,
        JSON.stringify(AMI_SECRET).slice(1, -1),
        encodeURIComponent(AMI_SECRET),
        DB_PASSWORD,
        'tok-123456',
      ]) {
        expect(text).not.toContain(needle);
      }
      expect(text).toContain('[redacted]');
      expect(text).toContain('database error');
    }
  });

  it('keeps nested codes that diagnostics need', () => {
    const memory = memoryStream();
    const { logger } = createLogger({
      level: 'info',
      file: '',
      secrets: [],
      stream: memory.stream,
    });
    const err = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    logger.error({ err, client: { code: '1001' } }, 'lookup failed');
    const line = JSON.parse(memory.text()) as { err: { code: string }; client: { code: string } };
    expect(line.err.code).toBe('ECONNREFUSED');
    expect(line.client.code).toBe('1001');
  });

  it('honours the configured level', () => {
    const memory = memoryStream();
    const { logger } = createLogger({
      level: 'warn',
      file: '',
      secrets: [],
      stream: memory.stream,
    });
    logger.info('hidden');
    logger.warn('shown');
    expect(memory.text()).not.toContain('hidden');
    expect(memory.text()).toContain('shown');
  });

  it('leaves text alone when no secret is long enough to scrub safely', () => {
    expect(createScrubber(['', 'ab'])('ab cd')).toBe('ab cd');
    expect(createScrubber(['hunter2'])('pw=hunter2;again hunter2')).toBe(
      'pw=[redacted];again [redacted]',
    );
  });
});
