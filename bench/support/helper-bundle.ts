import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop } from 'esbuild';
import { escapeNonAscii, LEAN_BUNDLE_OPTIONS } from '../../harness/lean-bundle';

const ENTRY = fileURLToPath(new URL('../../helper/main.ts', import.meta.url));

/**
 * Bundles the helper into one ESM file run by plain `node`, as the shipped executable
 * embeds it: no TypeScript loader in the process, so its memory is the helper's own.
 * ws's and mysql2's optional native or pretty-printing packages stay out, as in the
 * single-executable build, and as lean in memory. Returns the file's path.
 */
export async function bundleHelper(outDir: string): Promise<string> {
  const outfile = join(outDir, 'courier-helper.mjs');
  try {
    await build({
      entryPoints: [ENTRY],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: ['bufferutil', 'utf-8-validate', 'cardinal'],
      // The journal's migrations are embedded as text, as in the single-executable build.
      loader: { '.sql': 'text' },
      // The CommonJS dependencies call require(); an ESM bundle has to provide it.
      banner: {
        js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
      },
      ...LEAN_BUNDLE_OPTIONS,
      logLevel: 'error',
    });
    await escapeNonAscii(outfile);
  } finally {
    // esbuild keeps a service process for further builds; there are none.
    await stop();
  }
  return outfile;
}
