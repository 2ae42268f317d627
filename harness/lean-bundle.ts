import { readFile, writeFile } from 'node:fs/promises';
import type { BuildOptions } from 'esbuild';

/**
 * esbuild options that keep the helper's bundle small in memory: V8 holds a script's whole
 * source for as long as it runs (to compile functions lazily), so comments and indentation
 * cost resident memory in every helper process.
 */
export const LEAN_BUNDLE_OPTIONS = {
  minifyWhitespace: true,
  legalComments: 'none',
  charset: 'ascii',
} as const satisfies BuildOptions;

/**
 * Rewrites every non-ASCII character of a built bundle as a `\uXXXX` escape. esbuild
 * escapes strings (`charset: 'ascii'`) but leaves regular expression literals as written
 * (the phone number parser's Cyrillic words), and one character outside Latin-1 makes V8
 * store the whole source as UTF-16: twice the bytes. An escape means the same character in
 * a regular expression, string, template or identifier.
 */
export async function escapeNonAscii(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const escaped = text.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (escaped !== text) await writeFile(file, escaped);
}
