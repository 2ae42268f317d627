import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { escapeNonAscii, LEAN_BUNDLE_OPTIONS } from './lean-bundle';

export interface BundleOptions {
  root: string;
  outFile: string;
  version: string;
  /**
   * A release admits the store listings only (see helper/config/origins.ts); the benchmarks
   * bundle the same code without it, so their test client, the development build, is admitted.
   * True when not given.
   */
  release?: boolean;
}

/**
 * Optional native or pretty-printing modules the helper's dependencies probe inside
 * try/catch: ws (bufferutil, utf-8-validate) and mysql2 (cardinal). Left out, the probe
 * fails as it would without them installed, and the pure-JS paths run.
 */
export const OPTIONAL_EXTERNALS = ['bufferutil', 'utf-8-validate', 'cardinal'] as const;

/**
 * The helper as one CommonJS file for the single executable application: everything from
 * node_modules inlined, the version and the example configuration fixed at build time.
 * pino is used with plain file and stderr destinations only (no transports, which would
 * need worker-thread files beside the executable).
 */
export async function bundleHelper(options: BundleOptions): Promise<void> {
  const exampleConfig = readFileSync(join(options.root, 'config', 'helper.example.toml'), 'utf8');
  await build({
    absWorkingDir: options.root,
    entryPoints: [join(options.root, 'helper', 'main.ts')],
    outfile: options.outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: [...OPTIONAL_EXTERNALS],
    // The journal's migrations travel inside the executable as text.
    loader: { '.sql': 'text' },
    define: {
      __HELPER_VERSION__: JSON.stringify(options.version),
      __EXAMPLE_CONFIG__: JSON.stringify(exampleConfig),
      // A release admits the store listings by default, never the development build.
      __RELEASE_BUILD__: String(options.release ?? true),
    },
    // import.meta.url only locates source-tree files in development; the bundle gets the
    // same data through the defines above, so the empty import.meta of CJS is expected.
    logOverride: { 'empty-import-meta': 'silent' },
    ...LEAN_BUNDLE_OPTIONS,
    logLevel: 'warning',
  });
  await escapeNonAscii(options.outFile);
}
