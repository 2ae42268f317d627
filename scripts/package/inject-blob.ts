import { chmodSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runTool } from './run-tool';
import type { ExecutableTarget } from './targets';

/** The sentinel Node's single executable applications check for an injected blob. */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
export const SEA_RESOURCE = 'NODE_SEA_BLOB';

export interface InjectOptions {
  nodeBinary: string;
  blob: string;
  output: string;
  format: ExecutableTarget['format'];
}

function postjectCli(): string {
  return join(dirname(createRequire(import.meta.url).resolve('postject')), 'cli.js');
}

/**
 * Copies a node binary and injects the blob with postject. The Windows binary's Authenticode
 * signature is stripped first (the injection would break it anyway, and a broken signature
 * is worse than none); macOS binaries get the blob in their own NODE_SEA segment and must be
 * signed again on a Mac. Written under a temporary name, so a failed step leaves no
 * half-made executable behind.
 */
export async function injectBlob(options: InjectOptions): Promise<void> {
  const partial = `${options.output}.partial`;
  rmSync(partial, { force: true });
  try {
    if (options.format === 'pe') {
      await runTool(
        'osslsigncode',
        ['remove-signature', '-in', options.nodeBinary, '-out', partial],
        {
          aptPackage: 'osslsigncode',
        },
      );
    } else {
      copyFileSync(options.nodeBinary, partial);
    }
    await runTool(process.execPath, [
      postjectCli(),
      partial,
      SEA_RESOURCE,
      options.blob,
      '--sentinel-fuse',
      SEA_FUSE,
      ...(options.format === 'macho' ? ['--macho-segment-name', 'NODE_SEA'] : []),
    ]);
    chmodSync(partial, 0o755);
    renameSync(partial, options.output);
  } finally {
    rmSync(partial, { force: true });
  }
}
