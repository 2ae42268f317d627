import { expect, it } from 'vitest';
import { runBenchScript } from '../support/bench/run-bench-script';

const FAULT_KINDS = ['ami-cut', 'asterisk-restart', 'mariadb-restart', 'helper-kill', 'ws-drop'];
/** A functional deadline well above what the soak measures (its figure is in the output). */
const RECOVERY_DEADLINE_MS = 10_000;

/**
 * The short version of `npm run soak`, on its own PBX and database: 25 calls on every
 * inbound path, click-to-call and transfers from the card, a fault every third call, so each
 * kind strikes at least once. Nothing the PBX completed may be missing from the journal,
 * written twice or written with the wrong result or transfer, no row may appear for the
 * phone calls were transferred to (the helper does not serve it), and the helper must say it
 * is up again soon after each fault.
 */
it('the fault soak loses no journal row, writes none twice and recovers from every fault', async () => {
  const { code, out } = await runBenchScript('bench/fault-soak.ts', [
    '--calls',
    '25',
    '--fault-every',
    '3',
    '--seed',
    '15',
  ]);
  expect(code, out).toBe(0);
  const figure = (pattern: RegExp): number => Number(pattern.exec(out)?.[1] ?? Number.NaN);
  expect(figure(/^calls placed (\d+)$/m), out).toBe(25);
  expect(figure(/^ {2}transfer +(\d+)$/m), out).toBeGreaterThanOrEqual(1);
  expect(figure(/^calls owed a row (\d+)$/m), out).toBeGreaterThanOrEqual(15);
  expect(figure(/^duplicated rows (\d+)$/m), out).toBe(0);
  expect(figure(/^wrong results (\d+)$/m), out).toBe(0);
  expect(figure(/^lost rows (\d+)$/m), out).toBe(0);
  expect(figure(/^rows of other extensions (\d+)/m), out).toBe(0);
  for (const kind of FAULT_KINDS) {
    const match = new RegExp(`^recovery ${kind} n=(\\d+) longest (\\d+) ms`, 'm').exec(out);
    expect(Number(match?.[1]), `${kind}\n${out}`).toBeGreaterThanOrEqual(1);
    expect(Number(match?.[2]), `${kind}\n${out}`).toBeLessThanOrEqual(RECOVERY_DEADLINE_MS);
  }
  expect(out.trim().split('\n').at(-1)).toBe('lost_journal_rows 0 rows');
}, 300_000);
