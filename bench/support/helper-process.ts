import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnHelper, type HelperRuntime } from '../../harness/processes/helper-child';
import type { AmiAccess, DatabaseAccess } from '../../harness/processes/service-access';
import { reservePort } from '../../harness/services/port-reservation';

const READY_LINE = 'listening for the extension';

export interface HelperProcessOptions {
  readonly runtime: HelperRuntime;
  readonly ami: AmiAccess;
  readonly database: DatabaseAccess;
  /** `database.prefetch`; the helper's default (true) when absent. */
  readonly prefetch?: boolean;
  readonly extensions: readonly string[];
  /** Holds the configuration file, the helper's state (pairing) and its log. */
  readonly workDir: string;
  readonly startTimeoutMs?: number;
}

export interface HelperProcess {
  readonly pid: number;
  readonly wsPort: number;
  /** Where the helper keeps pairing state: a PairingStore here issues codes it accepts. */
  readonly stateDir: string;
  readonly logFile: string;
  /** SIGTERM (a clean shutdown), SIGKILL if it outlives the grace period. */
  stop(): Promise<void>;
}

const toml = (value: unknown): string => JSON.stringify(value);

function writeConfig(file: string, options: HelperProcessOptions, wsPort: number): void {
  const { ami, database } = options;
  writeFileSync(
    file,
    [
      '[pbx]',
      `host = ${toml(ami.host)}`,
      `port = ${ami.port}`,
      `user = ${toml(ami.user)}`,
      `secret = ${toml(ami.secret)}`,
      '[operator]',
      `extensions = ${toml(options.extensions.join(','))}`,
      '[database]',
      `host = ${toml(database.host)}`,
      `port = ${database.port}`,
      `user = ${toml(database.user)}`,
      `password = ${toml(database.password)}`,
      `database = ${toml(database.database)}`,
      ...(options.prefetch === undefined ? [] : [`prefetch = ${String(options.prefetch)}`]),
      '[links]',
      'client = "https://cabinet.example/clients/{code}"',
      'order = "https://cabinet.example/orders/{code}"',
      'courier = "https://cabinet.example/couriers/{code}"',
      '[websocket]',
      `port = ${wsPort}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
}

/**
 * Extra node options for the helper, to profile it where it runs:
 * `CT_BENCH_HELPER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof"`.
 */
function nodeOptions(): string[] {
  return (process.env['CT_BENCH_HELPER_NODE_OPTIONS'] ?? '').split(/\s+/).filter(Boolean);
}

/**
 * Starts the helper as a child process with a configuration file as IT writes it
 * (defaults for everything the bench does not need to set), and resolves once it listens
 * for the extension. Its log (JSON lines) goes to a file, not through this process.
 */
export async function startHelperProcess(options: HelperProcessOptions): Promise<HelperProcess> {
  const stateDir = join(options.workDir, 'helper');
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const configFile = join(stateDir, 'helper.toml');
  const logFile = join(options.workDir, 'helper.log');
  const reservation = await reservePort('127.0.0.1');
  writeConfig(configFile, options, reservation.port);
  // The helper binds the port itself; the reservation stays until it is stopped.
  try {
    const child = await spawnHelper({
      runtime: options.runtime,
      args: ['run', '--config', configFile],
      logFile,
      readyText: READY_LINE,
      nodeOptions: nodeOptions(),
      ...(options.startTimeoutMs !== undefined ? { startTimeoutMs: options.startTimeoutMs } : {}),
    });
    const stop = async (): Promise<void> => {
      await child.stop();
      reservation.release();
    };
    return { pid: child.pid, wsPort: reservation.port, stateDir, logFile, stop };
  } catch (error) {
    reservation.release();
    throw error;
  }
}
