import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where `npm run package` puts the executables and SHA256SUMS. */
export const HELPER_DIST = join(PROJECT_ROOT, 'dist', 'helper');

export function projectVersion(root: string = PROJECT_ROOT): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
