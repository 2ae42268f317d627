/**
 * FastAGI routing benchmark against the 1,000,000-contact courier database.
 *
 * Starts its own MariaDB (harness/services/mariadb.ts), loads the generated database
 * (harness/courier-db), starts the PBX-side service with the read-only account, and plays
 * Asterisk: one TCP connection per call, the `agi_*` block, an answer to every command, as
 * `AGI(agi://…/route_call)` does, from a worker thread. Callers are real numbers from the database (recipients
 * whose parcels a courier holds, couriers, clients, contact persons) and unknown ones.
 *
 * - decisions/s: calls routed per second with `--concurrency` calls in flight;
 * - latency: from connecting to the service closing the session (every variable set),
 *   as the dialplan waits for it; p50 and p99 per round, medians over the rounds;
 * - service: the handler's own time, from the `agi_*` block to the last variable set
 *   (database lookup included), p99.
 *
 *   npm run bench:agi -- [--contacts 1000000] [--calls 5000] [--concurrency 8] [--rounds 5]
 *
 * The last line is `agi_route_p99 <ms> ms` (target: at most 50 ms).
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createConnection } from 'mysql2/promise';
import { silentLogger } from '../helper/pbx-service/agi/logger';
import { MysqlExecutor } from '../helper/lookup/mysql-executor';
import { DEFAULT_SERVER_SETTINGS } from '../helper/config/server-settings';
import { startPbxService, type PbxService } from '../helper/pbx-service/server/start-pbx-service';
import { COURIER_DATABASE, generateCourierDb } from '../harness/courier-db/generate-courier-db';
import { READ_ONLY_ACCOUNT } from '../harness/courier-db/read-only-account';
import { startMariaDb } from '../harness/services/mariadb';
import { callSequence, sampleCallers } from './agi-callers';
import type { LoadRequest, LoadResult } from './agi-load';

const { values: args } = parseArgs({
  options: {
    contacts: { type: 'string', default: '1000000' },
    calls: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '5' },
  },
});
const CONTACTS = Number(args.contacts);
const CALLS = Number(args.calls);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);
const CALLERS_PER_KIND = 2_000;

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

const median = (values: readonly number[]): number => percentile(values, 0.5);

interface RoundFigures {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly serviceP99: number;
  readonly kinds: Record<string, number>;
}

/** Plays Asterisk for one round in a worker thread (see agi-load.ts). */
function playAsterisk(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // Workers do not inherit tsx's loader: the worker registers it, then loads the module.
    const module = JSON.stringify(new URL('./agi-load.ts', import.meta.url).href);
    const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); });`;
    const worker = new Worker(source, { eval: true, workerData: request });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function round(
  service: PbxService,
  callers: readonly string[],
  lookups: number[],
): Promise<RoundFigures> {
  lookups.length = 0;
  const { latencies, kinds, seconds } = await playAsterisk({
    port: service.agiPort,
    callers,
    concurrency: CONCURRENCY,
  });
  return {
    perSecond: callers.length / seconds,
    p50: median(latencies),
    p99: percentile(latencies, 0.99),
    serviceP99: percentile(lookups, 0.99),
    kinds,
  };
}

async function main(): Promise<void> {
  const mariadb = await startMariaDb({
    bufferPoolSize: '1G',
    serverOptions: ['--innodb-log-file-size=512M'],
  });
  const stop = new AbortController();
  try {
    const target = { host: mariadb.host, port: mariadb.port, user: mariadb.rootUser };
    const loadStarted = performance.now();
    await generateCourierDb({ target, contacts: CONTACTS });
    console.log(
      `loaded ${CONTACTS} contacts in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
    );
    const root = await createConnection({ ...target, database: COURIER_DATABASE });
    const mix = await sampleCallers(root, CALLERS_PER_KIND);
    await root.end();
    const lookupsExecutor = new MysqlExecutor({
      host: mariadb.host,
      port: mariadb.port,
      ...READ_ONLY_ACCOUNT,
      database: COURIER_DATABASE,
      poolSize: DEFAULT_SERVER_SETTINGS.poolSize,
      queryTimeoutMs: 2_000,
    });
    const lookups: number[] = [];
    const service = await startPbxService({
      settings: { ...DEFAULT_SERVER_SETTINGS, agiHost: '127.0.0.1', agiPort: 0 },
      defaultCountry: 'RU',
      parts: {
        lookups: lookupsExecutor,
        journal: { record: async () => undefined },
        feedback: { save: async () => undefined },
      },
      logger: silentLogger,
      signal: stop.signal,
      onRoute: (_decision, context) => lookups.push(context.elapsedMs),
    });
    try {
      await round(service, callSequence(mix, Math.min(CALLS, 2_000)), lookups);
      const figures: RoundFigures[] = [];
      for (let index = 0; index < ROUNDS; index += 1) {
        const result = await round(service, callSequence(mix, CALLS), lookups);
        figures.push(result);
        console.log(
          `round ${index + 1}: ${Math.round(result.perSecond)} decisions/s, ` +
            `p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ` +
            `service p99 ${result.serviceP99.toFixed(2)} ms, routes ${JSON.stringify(result.kinds)}`,
        );
      }
      console.log(
        `concurrency ${CONCURRENCY}, ${CALLS} calls per round, ${ROUNDS} rounds (medians below)`,
      );
      console.log(
        `agi_route_service_p99 ${median(figures.map((f) => f.serviceP99)).toFixed(2)} ms`,
      );
      console.log(`agi_route_p50 ${median(figures.map((f) => f.p50)).toFixed(2)} ms`);
      console.log(
        `agi_route_decisions ${Math.round(median(figures.map((f) => f.perSecond)))} decisions/s`,
      );
      console.log(`agi_route_p99 ${median(figures.map((f) => f.p99)).toFixed(2)} ms`);
    } finally {
      stop.abort();
      await service.close();
      await lookupsExecutor.close();
    }
  } finally {
    await mariadb.stop();
  }
}

await main();
