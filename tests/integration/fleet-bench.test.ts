import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The short version of `npm run bench:fleet`: a few calls with 1 and 3 seats on per-seat and
 * office-wide accounts, on its own PBX and database. It proves the benchmark runs to its
 * headline; the figures of a run this short mean nothing.
 */
it('bench:fleet runs to its headline with a few seats and calls', async () => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/fleet.ts',
      '--seats',
      '1,3',
      '--calls',
      '3',
      '--rate',
      '2',
      '--contacts',
      '2000',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code, out).toBe(0);
  expect(out).toMatch(/^per-seat +N= {2}3 +asterisk CPU [\d.]+ s\/1000 calls/m);
  expect(out).toMatch(/^office +N= {2}3 /m);
  const lines = out.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^fleet_pbx_cpu_ratio_3_to_1 [\d.]+ ratio$/);
}, 300_000);
