import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const LIMIT_BYTES = 25 * 1024;

async function gzippedBundleBytes(entry: string): Promise<number> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

describe('content-script phone module', () => {
  it('stays within 25 KB gzipped with the RU+KZ+CIS metadata cut', async () => {
    const cutBytes = await gzippedBundleBytes('../../../../shared/phone/cis.ts');
    const fullBytes = await gzippedBundleBytes('../../../../shared/phone/index.ts');
    console.log(`phone module gzipped: cis ${cutBytes} bytes, full ${fullBytes} bytes`);
    expect(cutBytes).toBeLessThanOrEqual(LIMIT_BYTES);
    expect(cutBytes).toBeLessThan(fullBytes);
  });
});
