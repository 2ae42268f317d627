import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { escapeNonAscii } from '../../../harness/lean-bundle';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('leaves only ASCII in a bundle, with the same regular expressions, strings and templates', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lean-bundle-'));
  dirs.push(dir);
  const file = join(dir, 'bundle.mjs');
  writeFileSync(
    file,
    [
      '// доб. → extension',
      'export const suffix = /(?:доб|вн)\\.?[ \\u00a0]*[:№#]?(\\d+)/iuy;',
      'export const word = "ёлка";',
      'export const line = `№ ${1} — ok`;',
    ].join('\n'),
  );
  await escapeNonAscii(file);
  expect([...readFileSync(file, 'utf8')].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
  const bundle = (await import(pathToFileURL(file).href)) as {
    suffix: RegExp;
    word: string;
    line: string;
  };
  expect(bundle.suffix.exec('ДОБ. №12')?.[1]).toBe('12');
  expect(bundle.word).toBe('ёлка');
  expect(bundle.line).toBe('№ 1 — ok');
});
