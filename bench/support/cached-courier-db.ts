import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCourierDb } from '../../harness/courier-db/generate-courier-db';
import { onProcessExit } from '../../harness/services/exit-cleanup';
import { logTail } from '../../harness/services/log-tail';
import { startMariaDb, type MariaDbService } from '../../harness/services/mariadb';
import { requireBinary } from '../../harness/services/require-binary';
import { runCommand } from '../../harness/services/run-command';
import { dbCacheKey } from './db-cache-key';

export const DEFAULT_DB_CACHE_ROOT =
  process.env.CT_BENCH_DB_CACHE ?? '/var/cache/courier-telephony';
/** Written last into a cache directory: without it the directory is an interrupted copy. */
const COMPLETE_MARK = 'complete';

/** A 1M-contact load wants a larger buffer pool and redo log than the test default. */
const TUNING = { bufferPoolSize: '1G', serverOptions: ['--innodb-log-file-size=256M'] };

export interface CachedCourierDbOptions {
  readonly contacts: number;
  readonly seed: number;
  /** Parent of the cached data directories; `CT_BENCH_DB_CACHE` overrides the default. */
  readonly cacheRoot?: string;
  readonly log: (line: string) => void;
}

export interface CachedCourierDb {
  readonly mariadb: MariaDbService;
  /** `cache`: an earlier run's data directory was copied in; `generated`: loaded now. */
  readonly origin: 'cache' | 'generated';
  /** From starting the server to the loaded database answering, in ms. */
  readonly readyMs: number;
  /** The generator's own time when it ran, in ms. */
  readonly generateMs?: number;
  readonly cacheDir: string;
}

export class DbCacheCopyError extends Error {
  override readonly name = 'DbCacheCopyError';
}

async function copyTree(from: string, to: string): Promise<void> {
  const cp = requireBinary('cp', 'coreutils');
  const result = await runCommand(cp, ['-a', '--reflink=auto', from, to], 600_000);
  if (result.code !== 0) {
    throw new DbCacheCopyError(
      `copying ${from} to ${to} failed (${result.code}): ${result.stderr.trim()}; ` +
        'check the free space there, or point CT_BENCH_DB_CACHE at another directory',
    );
  }
}

/** Other keys' directories for the same size are stale: the generator or server changed. */
function removeStaleSiblings(root: string, prefix: string, keep: string): void {
  for (const name of readdirSync(root)) {
    if (name.startsWith(prefix) && name !== keep && !name.startsWith(`${keep}.partial-`)) {
      rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

async function restoreFromCache(mariadb: MariaDbService, cacheDir: string): Promise<void> {
  await mariadb.halt();
  const data = join(mariadb.dataDir, 'data');
  rmSync(data, { recursive: true, force: true });
  await copyTree(join(cacheDir, 'data'), data);
  await mariadb.resume();
}

/**
 * Keeps a copy of the halted server's data directory. It is taken only after a clean
 * shutdown, so the copy starts without crash recovery; an interrupted copy never gets its
 * completion mark and is removed.
 */
async function storeInCache(
  mariadb: MariaDbService,
  root: string,
  prefix: string,
  name: string,
  log: (line: string) => void,
): Promise<void> {
  const errorLog = logTail(join(mariadb.dataDir, 'error.log'), 5);
  if (!errorLog.includes('Shutdown complete')) {
    log(`database cache: not stored, the server did not shut down cleanly:\n${errorLog}`);
    return;
  }
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    log(`database cache: not stored, ${root} cannot be created (${String(error)})`);
    return;
  }
  const partial = join(root, `${name}.partial-${process.pid}`);
  const unregister = onProcessExit(() => rmSync(partial, { recursive: true, force: true }));
  try {
    mkdirSync(partial);
    await copyTree(join(mariadb.dataDir, 'data'), join(partial, 'data'));
    writeFileSync(join(partial, COMPLETE_MARK), new Date().toISOString());
    removeStaleSiblings(root, prefix, name);
    if (existsSync(join(root, name))) rmSync(partial, { recursive: true, force: true });
    else renameSync(partial, join(root, name));
    log(`database cache: stored in ${join(root, name)}`);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    log(`database cache: not stored (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    unregister();
  }
}

/**
 * A throwaway MariaDB server holding the generated courier database. The loaded data
 * directory is kept under the cache root, keyed by the generator's sources, size, seed
 * and server version, and copied in on later runs instead of generating again.
 */
export async function startCachedCourierDb(
  options: CachedCourierDbOptions,
): Promise<CachedCourierDb> {
  const started = performance.now();
  const root = options.cacheRoot ?? DEFAULT_DB_CACHE_ROOT;
  const version = await runCommand(requireBinary('mariadbd', 'mariadb-server'), ['--version']);
  const key = dbCacheKey({
    contacts: options.contacts,
    seed: options.seed,
    serverVersion: version.stdout,
  });
  const prefix = `bench-db-${options.contacts}-`;
  const name = `${prefix}${key}`;
  const cacheDir = join(root, name);
  const mariadb = await startMariaDb(TUNING);
  try {
    if (existsSync(join(cacheDir, COMPLETE_MARK))) {
      options.log(`database: copying the cached data directory ${cacheDir}`);
      await restoreFromCache(mariadb, cacheDir);
      return { mariadb, origin: 'cache', readyMs: performance.now() - started, cacheDir };
    }
    options.log(`database: generating ${options.contacts} contacts (no cache at ${cacheDir})`);
    const report = await generateCourierDb({
      target: { host: mariadb.host, port: mariadb.port, user: mariadb.rootUser },
      contacts: options.contacts,
      seed: options.seed,
    });
    await mariadb.halt();
    await storeInCache(mariadb, root, prefix, name, options.log);
    await mariadb.resume();
    return {
      mariadb,
      origin: 'generated',
      readyMs: performance.now() - started,
      generateMs: report.totalMs,
      cacheDir,
    };
  } catch (error) {
    await mariadb.stop();
    throw error;
  }
}
