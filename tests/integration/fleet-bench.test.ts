import { expect, it } from 'vitest';
import { runBenchScript } from '../support/bench/run-bench-script';

/**
 * The short version of `npm run bench:fleet`: a few calls with 1 and 3 seats on per-seat
 * accounts (with and without `disabledevents`, and with events off) and office-wide ones,
 * on its own PBX and database. It proves the benchmark runs to its headline; the figures of
 * a run this short mean nothing.
 */
it('bench:fleet runs to its headline with a few seats and calls', async () => {
  const { code, out } = await runBenchScript('bench/fleet.ts', [
    '--seats',
    '1,3',
    '--calls',
    '3',
    '--rate',
    '2',
    '--contacts',
    '2000',
  ]);
  expect(code, out).toBe(0);
  expect(out).toMatch(/^per-seat +N= {2}3 +asterisk CPU [\d.]+ s\/1000 calls/m);
  // The PBX without the per-call events no helper reads still gives the seat every card.
  expect(out).toMatch(/^quiet +N= {2}3 .*\(3\/3 calls complete\)/m);
  // Seats that turned their events off receive nothing at all.
  expect(out).toMatch(/^silent +N= {2}3 .*others 0\.00 ev\/seat\/call/m);
  expect(out).toMatch(/^office +N= {2}3 /m);
  const lines = out.trim().split('\n');
  expect(lines.at(-1)).toMatch(/^fleet_pbx_cpu_ratio_3_to_1 [\d.]+ ratio$/);
}, 300_000);
