import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { PhoneKit } from '../shared/phone/types';

/**
 * Loads a phone entry point bundled by esbuild, as the extension and helper
 * builds ship it, so the benchmark times the shipped code rather than a
 * development loader's per-module wrappers.
 */
export async function loadBundledPhoneKit(entry: 'index' | 'cis'): Promise<PhoneKit> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../shared/phone/${entry}.ts`, import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0]!.contents).toString('base64');
  return (await import(`data:text/javascript;base64,${code}`)) as PhoneKit;
}
