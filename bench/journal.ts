/**
 * Call journal benchmark against a real MariaDB that the bench starts and stops itself
 * (harness/services/mariadb.ts; its InnoDB flushes the log once a second, as the harness
 * does, so the figures are the journal's and the driver's, not the disk's).
 *
 * - journal_write: entries per second through DurableJournal (spool append with fsync,
 *   then batched upserts with their order rows), for a burst of calls ending at once;
 * - entry latency: one entry at a time, from record() to committed;
 * - spool flush: time to write 10,000 entries left in the spool by an outage, from
 *   start() (which reads and replays the spool) to the spool being empty.
 *
 *   npm run bench:journal -- [--burst 2000] [--spooled 10000] [--rounds 5]
 *
 * Prints per-round figures and medians; the last line is `journal_write <entries/s> entries/s`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DurableJournal } from '../helper/journal/durable-journal';
import type { JournalRecord } from '../helper/journal/entry';
import { JournalSpool } from '../helper/journal/journal-spool';
import { MysqlJournalDatabase } from '../helper/journal/mysql-journal-database';
import { runMigrateCommand } from '../helper/journal/run-migrate-command';
import { SqlJournalStore } from '../helper/journal/sql-journal-store';
import { startMariaDb, type MariaDbService } from '../harness/services/mariadb';
import { benchEntry } from './journal-entries';

const { values: args } = parseArgs({
  options: {
    burst: { type: 'string', default: '2000' },
    spooled: { type: 'string', default: '10000' },
    latency: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '5' },
  },
});
const BURST = Number(args.burst);
const SPOOLED = Number(args.spooled);
const LATENCY_SAMPLES = Number(args.latency);
const ROUNDS = Number(args.rounds);
const WRITER = { user: 'courier_journal', password: 'bench-journal-pw' };
const DATABASE = 'courier';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function entries(run: string, count: number): JournalRecord[] {
  return Array.from({ length: count }, (_, i) => ({ kind: 'entry', entry: benchEntry(run, i) }));
}

async function prepare(mariadb: MariaDbService): Promise<void> {
  const { createConnection } = await import('mysql2/promise');
  const root = await createConnection({ host: mariadb.host, port: mariadb.port, user: 'root' });
  await root.query(`CREATE DATABASE IF NOT EXISTS ${DATABASE} CHARACTER SET utf8mb4`);
  await root.end();
  const lines: string[] = [];
  const code = await runMigrateCommand({
    database: { host: mariadb.host, port: mariadb.port, database: DATABASE },
    admin: { user: 'root', password: '' },
    writer: WRITER,
    print: (line) => lines.push(line),
  });
  if (code !== 0) throw new Error(`migrate failed:\n${lines.join('\n')}`);
}

async function withJournal<T>(
  mariadb: MariaDbService,
  work: (journal: DurableJournal, dir: string) => Promise<T>,
  before?: (spool: JournalSpool) => Promise<void>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ct-bench-journal-'));
  const database = new MysqlJournalDatabase({
    host: mariadb.host,
    port: mariadb.port,
    database: DATABASE,
    ...WRITER,
  });
  const controller = new AbortController();
  try {
    if (before) {
      const spool = new JournalSpool(dir);
      await spool.open();
      await before(spool);
      await spool.close();
    }
    const journal = new DurableJournal({
      store: new SqlJournalStore(database),
      spool: new JournalSpool(dir),
      signal: controller.signal,
    });
    try {
      return await work(journal, dir);
    } finally {
      await journal.close();
    }
  } finally {
    controller.abort();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function burstRound(mariadb: MariaDbService, round: number): Promise<number> {
  const records = entries(`burst${round}`, BURST);
  return withJournal(mariadb, async (journal) => {
    await journal.start();
    const started = performance.now();
    await Promise.all(records.map((record) => journal.record(record)));
    await journal.drained();
    return BURST / ((performance.now() - started) / 1000);
  });
}

async function latencyRound(mariadb: MariaDbService, round: number): Promise<number> {
  const records = entries(`single${round}`, LATENCY_SAMPLES);
  return withJournal(mariadb, async (journal) => {
    await journal.start();
    const samples: number[] = [];
    for (const record of records) {
      const started = performance.now();
      await journal.record(record);
      await journal.drained();
      samples.push(performance.now() - started);
    }
    return median(samples);
  });
}

async function flushRound(mariadb: MariaDbService, round: number): Promise<number> {
  const records = entries(`spooled${round}`, SPOOLED);
  return withJournal(
    mariadb,
    async (journal) => {
      const started = performance.now();
      const { replayed } = await journal.start();
      if (replayed !== SPOOLED) throw new Error(`replayed ${replayed} of ${SPOOLED}`);
      await journal.drained();
      return performance.now() - started;
    },
    (spool) => spool.append(records),
  );
}

async function main(): Promise<void> {
  const mariadb = await startMariaDb({ bufferPoolSize: '128M' });
  try {
    await prepare(mariadb);
    await burstRound(mariadb, -1);
    const burst: number[] = [];
    const latency: number[] = [];
    const flush: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      burst.push(await burstRound(mariadb, round));
      latency.push(await latencyRound(mariadb, round));
      flush.push(await flushRound(mariadb, round));
      console.log(
        `round ${round + 1}: burst ${Math.round(burst[round] ?? 0)} entries/s, ` +
          `one entry ${(latency[round] ?? 0).toFixed(2)} ms, ` +
          `flush of ${SPOOLED} spooled ${Math.round(flush[round] ?? 0)} ms`,
      );
    }
    console.log(`entry_latency ${median(latency).toFixed(2)} ms (record to committed, median)`);
    console.log(`spool_flush_${SPOOLED} ${Math.round(median(flush))} ms`);
    console.log(`journal_write ${Math.round(median(burst))} entries/s`);
  } finally {
    await mariadb.stop();
  }
}

await main();
