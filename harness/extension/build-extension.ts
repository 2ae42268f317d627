import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const CONFIG = 'harness/extension/wxt.local.config.ts';
/** The `e2e` local build for each browser the tests drive (see `wxt.local.config.ts`). */
export const E2E_EXTENSION_DIRS = {
  chrome: join(PROJECT_ROOT, '.output', 'e2e-chrome-mv3'),
  firefox: join(PROJECT_ROOT, '.output', 'e2e-firefox-mv2'),
} as const;
const STAMP = '.source-hash';

/** Everything the build reads; a change in any of them means building again. */
const INPUTS = [
  'extension',
  'shared',
  'wxt.config.ts',
  CONFIG,
  'package-lock.json',
  'tsconfig.json',
];
const SKIPPED = new Set(['node_modules', '.output', '.wxt']);

async function filesUnder(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (entries === null) return [path];
  const nested = await Promise.all(
    entries
      .filter((entry) => !SKIPPED.has(entry.name))
      .map((entry) => filesUnder(join(path, entry.name))),
  );
  return nested.flat();
}

async function sourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map((input) => filesUnder(join(PROJECT_ROOT, input)))))
    .flat()
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(PROJECT_ROOT, file));
    hash.update('\0');
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** A failed build, with the build's own output so the cause is visible in the test log. */
export class ExtensionBuildError extends Error {
  override readonly name = 'ExtensionBuildError';
}

/**
 * Builds the extension for the end-to-end tests into `.output/e2e-chrome-mv3`
 * (or `e2e-firefox-mv2`; see `wxt.local.config.ts`) and returns that folder.
 * Skips the build when the sources are unchanged since the last one, so a
 * test run builds at most once per browser.
 */
export async function buildExtension(
  browser: keyof typeof E2E_EXTENSION_DIRS = 'chrome',
): Promise<string> {
  const dir = E2E_EXTENSION_DIRS[browser];
  const hash = await sourceHash();
  const stamp = join(dir, STAMP);
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === hash) return dir;
  try {
    await run('npx', ['wxt', 'build', '-b', browser, '-c', CONFIG], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NO_COLOR: '1', CT_LOCAL_BUILD: 'e2e' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new ExtensionBuildError(
      `The extension did not build; fix the error below and run again.\n${output.stdout ?? ''}\n${output.stderr ?? ''}`,
    );
  }
  await writeFile(stamp, hash);
  return dir;
}
