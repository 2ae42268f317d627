import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Everything that goes into the executables: a change in any of them means a rebuild. */
export const BUILD_INPUTS = [
  'helper',
  'shared',
  'db/migrations',
  'config/helper.example.toml',
  'scripts/package',
  'harness/helper-bundle.ts',
  'harness/lean-bundle.ts',
  'package.json',
  'package-lock.json',
] as const;

function filesUnder(root: string, entry: string): string[] {
  const path = join(root, entry);
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [entry];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => relative(root, join(dirent.parentPath, dirent.name)).split(sep).join('/'));
}

/** SHA-256 over the names and contents of the build inputs, in a stable order. */
export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  const files = BUILD_INPUTS.flatMap((entry) => filesUnder(root, entry)).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
