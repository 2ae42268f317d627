import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stop } from 'esbuild';
import packageJson from '../../package.json' with { type: 'json' };
import { bundleHelper as bundleForExecutable } from '../../harness/helper-bundle';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles the helper exactly as the single executable embeds it (one CommonJS file, the
 * same esbuild options), to run under plain `node`: no TypeScript loader in the process, so
 * its memory is the helper's own. Only the release switch differs, so the benchmark's
 * client, the development build of the extension, is admitted. Returns the file's path.
 */
export async function bundleHelper(outDir: string): Promise<string> {
  const outFile = join(outDir, 'courier-helper.cjs');
  try {
    await bundleForExecutable({
      root: ROOT,
      outFile,
      version: packageJson.version,
      release: false,
    });
  } finally {
    // esbuild keeps a service process for further builds; there are none.
    await stop();
  }
  return outFile;
}
