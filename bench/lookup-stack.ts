/**
 * The helper's lookup stack (CachingLookup → SqlIdentitySource → MysqlExecutor) against
 * bare mysql2 running the same queries, interleaved, one number at a time, on the bench
 * database: what the helper's own code adds to a lookup, without the PBX or a WebSocket.
 *
 *   node --import tsx bench/lookup-stack.ts [--numbers 400] [--contacts 1000000]
 */
import { createConnection } from 'mysql2/promise';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../helper/config/defaults';
import { createMysqlDirectory } from '../helper/lookup/mysql-caller-lookup';
import { callSequence, sampleCallers } from './agi-callers';
import { bareLookup, barePool } from './support/bare-lookup';
import { startBenchServices } from './support/bench-services';
import { formatSpread, spreadOf } from './support/percentiles';

const { values: args } = parseArgs({
  options: {
    numbers: { type: 'string', default: '400' },
    contacts: { type: 'string', default: '1000000' },
  },
});

const log = (line: string): void => console.log(line);

async function main(): Promise<void> {
  const count = Number(args.numbers);
  const services = await startBenchServices({ contacts: Number(args.contacts), seed: 1, log });
  try {
    const root = await createConnection(services.rootAccess);
    const numbers = [...new Set(callSequence(await sampleCallers(root, count), count * 2))];
    await root.end();
    const directory = createMysqlDirectory({
      ...DEFAULTS,
      database: { ...DEFAULTS.database, ...services.lookupAccess },
    });
    const pool = barePool(services.lookupAccess);
    const bare: number[] = [];
    const stack: number[] = [];
    try {
      for (let i = 0; i + 1 < numbers.length; i += 2) {
        const [a, b] = [numbers[i]!, numbers[i + 1]!];
        let started = performance.now();
        await bareLookup(pool, a);
        bare.push(performance.now() - started);
        started = performance.now();
        const outcome = await directory.lookup.lookup(b);
        if (outcome.state !== 'done') throw new Error(`lookup of ${b}: ${outcome.reason}`);
        stack.push(performance.now() - started);
      }
    } finally {
      await pool.end();
      await directory.close();
    }
    const warm = 20;
    log(`bare mysql2            ${formatSpread(spreadOf(bare.slice(warm)))}`);
    log(`helper lookup stack    ${formatSpread(spreadOf(stack.slice(warm)))}`);
    log(`lookup_stack_p50 ${spreadOf(stack.slice(warm)).p50.toFixed(2)} ms`);
  } finally {
    await services.stop();
  }
}

await main();
