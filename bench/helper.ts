/**
 * Helper benchmark: (a) incoming-call latency with the 1,000,000-contact database,
 * (b) AMI ingest against asterisk-manager, (c) idle RSS.
 *
 *   npm run bench:helper -- [--calls 200] [--warmup 10] [--settle-seconds 20] [--no-prefetch] [--rate 4] [--concurrency 8]
 *     [--ring-ms 1000] [--contacts 1000000] [--seed 1] [--idle-seconds 10] [--settled-seconds 20] [--skip-tsx-rss]
 *     [--executable dist/helper/courier-helper-linux-x64] [--bundle other/courier-helper.cjs]
 *
 * Starts MariaDB (the generated database; its data directory is cached between runs under
 * CT_BENCH_DB_CACHE, default /var/cache/courier-telephony) and Asterisk 22 with the test
 * dialplan, runs the helper as a child process from an esbuild bundle under plain node,
 * and stops everything it started, by PID, at the end, on failure and on Ctrl-C.
 * The helper runs as the single executable's bundle (the same CommonJS file) under this node.
 * Targets: identity p99 within 1.5× the bare lookup's p99 during the calls, idle RSS at most
 * 60 MB (10^6 bytes) with a bare node of the same run beside it.
 * The last line is `identity_event_p99 <ms> ms` (target: at most 20 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { onProcessExit } from '../harness/services/exit-cleanup';
import { runIngestBench } from './helper-ingest';
import { runLatencyBench } from './helper-latency';
import { measureBareNodeRss, measureIdleRss, type IdleRss } from './helper-rss';
import { startBenchServices, type BenchServices } from './support/bench-services';
import { bundleHelper } from './support/helper-bundle';
import type { HelperRuntime } from '../harness/processes/helper-child';
import {
  printIdleRss,
  printLatency,
  printSummary,
  type HelperBenchFigures,
} from './support/helper-report';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '10' },
    'settle-seconds': { type: 'string', default: '20' },
    rate: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '8' },
    'ring-ms': { type: 'string', default: '1000' },
    contacts: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    'idle-seconds': { type: 'string', default: '10' },
    'settled-seconds': { type: 'string', default: '20' },
    'skip-tsx-rss': { type: 'boolean', default: false },
    // A built executable (`npm run package`): its idle RSS too, with the node it embeds.
    executable: { type: 'string' },
    // A bundle built elsewhere (another revision's, for an A/B in turns) instead of this tree's.
    bundle: { type: 'string' },
    'no-prefetch': { type: 'boolean', default: false },
  },
});

class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

function numberArg(
  name: Exclude<keyof typeof args, 'skip-tsx-rss' | 'no-prefetch' | 'executable' | 'bundle'>,
): number {
  const text = args[name].replace(/_/g, '');
  const value = Number(text);
  if (text === '' || !Number.isFinite(value) || value < 0) {
    throw new BenchUsageError(`--${name} needs a number of at least 0, got "${args[name]}"`);
  }
  return value;
}

const log = (line: string): void => console.log(line);

async function measure(services: BenchServices, workDir: string): Promise<HelperBenchFigures> {
  const runtime: HelperRuntime = {
    kind: 'bundle',
    file: args.bundle ?? (await bundleHelper(workDir)),
  };

  log('\n== (a) incoming call: AMI → identity on the WebSocket ==');
  const latency = await runLatencyBench(services, {
    calls: numberArg('calls'),
    warmupCalls: numberArg('warmup'),
    settleSeconds: numberArg('settle-seconds'),
    prefetch: !args['no-prefetch'],
    callsPerSecond: numberArg('rate'),
    maxConcurrent: numberArg('concurrency'),
    ringMs: numberArg('ring-ms'),
    runtime,
    workDir,
    log,
  });
  printLatency(latency, log);

  log('\n== (b) AMI ingest, one core (bench/ami-ingest.ts) ==');
  const ingest = await runIngestBench(log);
  log(`pinned to one core: ${ingest.pinned ? 'yes (taskset -c 0)' : 'no (no taskset)'}`);

  log('\n== (c) idle RSS: connected to AMI and the database, one client paired ==');
  const idleSeconds = numberArg('idle-seconds');
  const settledSeconds = numberArg('settled-seconds');
  const idle = (kind: string, run: HelperRuntime): Promise<IdleRss> =>
    measureIdleRss(services, {
      runtime: run,
      idleSeconds,
      settledSeconds,
      workDir: join(workDir, `idle-${kind}`),
    });
  const bareNodeRss = await measureBareNodeRss(idleSeconds, settledSeconds);
  printIdleRss(`bare node ${process.version}, nothing loaded (baseline)`, bareNodeRss, log);
  const rss = await idle('bundle', runtime);
  printIdleRss(`bundled helper under node ${process.version}`, rss, log);
  let executableRss: IdleRss | undefined;
  if (args.executable !== undefined) {
    const file = args.executable;
    executableRss = await idle('executable', { kind: 'executable', file });
    printIdleRss(`single-file executable ${file}`, executableRss, log);
  }
  const figures = { latency, ingest, rss, bareNodeRss, executableRss };
  if (args['skip-tsx-rss']) return figures;
  const tsxRss = await idle('tsx', { kind: 'tsx' });
  printIdleRss('helper from sources under tsx (comparison)', tsxRss, log);
  return { ...figures, tsxRss };
}

async function main(): Promise<void> {
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'ct-bench-helper-'));
  const unregister = onProcessExit(() => rmSync(workDir, { recursive: true, force: true }));
  try {
    log('== services ==');
    const services = await startBenchServices({
      contacts: numberArg('contacts'),
      seed: numberArg('seed'),
      log,
    });
    const db = services.database;
    const how =
      db.origin === 'cache'
        ? 'copied from the cache'
        : `generated, the generator took ${((db.generateMs ?? 0) / 1000).toFixed(1)} s`;
    log(`database ready in ${(db.readyMs / 1000).toFixed(1)} s (${how})`);
    try {
      printSummary(await measure(services, workDir), performance.now() - started, log);
    } finally {
      await services.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    unregister();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
