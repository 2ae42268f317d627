import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { onProcessExit } from './exit-cleanup';
import { logTail } from './log-tail';
import { reservePort, type PortReservation } from './port-reservation';
import { hasExited, killNow, stopChild } from './process-control';
import { requireBinary } from './require-binary';
import { runCommand } from './run-command';
import { ServiceStartError } from './service-start-error';

export interface MariaDbOptions {
  /** InnoDB buffer pool; the default suits tests, a 1M-contact load wants more (e.g. `1G`). */
  readonly bufferPoolSize?: string;
  /** Further `mariadbd` options, e.g. `--innodb-log-file-size=512M` for bulk loads. */
  readonly serverOptions?: readonly string[];
  /** Parent of the throwaway data directory. */
  readonly tmpRoot?: string;
  readonly startTimeoutMs?: number;
}

export interface MariaDbService {
  readonly host: string;
  readonly port: number;
  /** Root account, empty password, over TCP from the loopback. */
  readonly rootUser: string;
  readonly socket: string;
  /** PID of the running server; changes after `resume()`. */
  readonly pid: number;
  readonly dataDir: string;
  /** Stops the server (SIGTERM to its PID) and removes the data directory. */
  stop(): Promise<void>;
  /** Stops the server but keeps its data, so `resume()` brings the same database back. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port with the same data. */
  resume(): Promise<void>;
}

const HOST = '127.0.0.1';
const PORT_ATTEMPTS = 3;
/** InnoDB flushes on SIGTERM; a loaded buffer pool may take a while. */
const SHUTDOWN_GRACE_MS = 20_000;

interface Tuning {
  readonly bufferPoolSize: string;
  readonly serverOptions: readonly string[];
}

interface Binaries {
  readonly installDb: string;
  readonly server: string;
  readonly admin: string;
}

function serverArgs(dir: string, port: number, tuning: Tuning): string[] {
  return [
    '--no-defaults',
    '--user=root',
    `--datadir=${join(dir, 'data')}`,
    `--socket=${join(dir, 'mysqld.sock')}`,
    `--pid-file=${join(dir, 'mysqld.pid')}`,
    `--port=${port}`,
    `--bind-address=${HOST}`,
    '--skip-name-resolve',
    '--skip-log-bin',
    '--skip-performance-schema',
    `--innodb-buffer-pool-size=${tuning.bufferPoolSize}`,
    '--innodb-flush-log-at-trx-commit=0',
    '--innodb-doublewrite=0',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    '--local-infile=1',
    '--max-allowed-packet=64M',
    `--log-error=${join(dir, 'error.log')}`,
    ...tuning.serverOptions,
  ];
}

async function waitUntilAnswers(
  bins: Binaries,
  child: ChildProcess,
  port: number,
  dir: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited(child)) {
      throw new ServiceStartError(
        'MariaDB',
        `mariadbd exited (${child.exitCode ?? child.signalCode}) on port ${port}`,
        logTail(join(dir, 'error.log')),
      );
    }
    const ping = await runCommand(bins.admin, [
      '--no-defaults',
      '--protocol=TCP',
      `-h${HOST}`,
      `-P${port}`,
      '-uroot',
      '--connect-timeout=2',
      'ping',
    ]);
    if (ping.code === 0) return;
    if (Date.now() >= deadline) {
      throw new ServiceStartError(
        'MariaDB',
        `no answer on ${HOST}:${port} within ${timeoutMs} ms`,
        logTail(join(dir, 'error.log')),
      );
    }
    await delay(100);
  }
}

function launch(bins: Binaries, dir: string, port: number, tuning: Tuning): ChildProcess {
  const child = spawn(bins.server, serverArgs(dir, port, tuning), { stdio: 'ignore' });
  child.on('error', () => undefined);
  return child;
}

/**
 * Starts a throwaway MariaDB server in a fresh temp data directory on a free port
 * (several test runs may share the machine), and waits until it answers.
 */
export async function startMariaDb(options: MariaDbOptions = {}): Promise<MariaDbService> {
  const bins: Binaries = {
    installDb: requireBinary('mariadb-install-db', 'mariadb-server'),
    server: requireBinary('mariadbd', 'mariadb-server'),
    admin: requireBinary('mariadb-admin', 'mariadb-client'),
  };
  const tuning: Tuning = {
    bufferPoolSize: options.bufferPoolSize ?? '32M',
    serverOptions: options.serverOptions ?? [],
  };
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const dir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'ct-mariadb-'));
  let child: ChildProcess | undefined;
  let reservation: PortReservation | undefined;
  const unregister = onProcessExit(() => {
    if (child?.pid !== undefined) killNow(child.pid);
    rmSync(dir, { recursive: true, force: true });
  });

  try {
    const install = await runCommand(
      bins.installDb,
      [
        '--no-defaults',
        '--user=root',
        `--datadir=${join(dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--skip-name-resolve',
      ],
      120_000,
    );
    if (install.code !== 0) {
      throw new ServiceStartError('MariaDB', 'mariadb-install-db failed', install.stderr.trim());
    }
    let port = 0;
    for (let attempt = 1; ; attempt += 1) {
      reservation = await reservePort(HOST);
      port = reservation.port;
      child = launch(bins, dir, port, tuning);
      try {
        await waitUntilAnswers(bins, child, port, dir, timeoutMs);
        break;
      } catch (error) {
        await stopChild(child, SHUTDOWN_GRACE_MS);
        reservation.release();
        // A program outside the test runs may have bound the port after the reservation.
        const portTaken = logTail(join(dir, 'error.log'), 10).includes('Address already in use');
        if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
      }
    }

    const fixedPort = port;
    const heldPort = reservation;
    let current: ChildProcess = child;
    return {
      host: HOST,
      port: fixedPort,
      rootUser: 'root',
      socket: join(dir, 'mysqld.sock'),
      dataDir: dir,
      get pid() {
        return current.pid ?? -1;
      },
      async halt() {
        await stopChild(current, SHUTDOWN_GRACE_MS);
      },
      async resume() {
        if (!hasExited(current)) return;
        current = launch(bins, dir, fixedPort, tuning);
        child = current;
        await waitUntilAnswers(bins, current, fixedPort, dir, timeoutMs);
      },
      async stop() {
        await stopChild(current, SHUTDOWN_GRACE_MS);
        rmSync(dir, { recursive: true, force: true });
        heldPort.release();
        unregister();
      },
    };
  } catch (error) {
    if (child) await stopChild(child, SHUTDOWN_GRACE_MS);
    rmSync(dir, { recursive: true, force: true });
    reservation?.release();
    unregister();
    throw error;
  }
}
