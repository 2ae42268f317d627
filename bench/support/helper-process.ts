import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { onProcessExit } from '../../harness/services/exit-cleanup';
import { logTail } from '../../harness/services/log-tail';
import { killNow, terminate } from '../../harness/services/process-control';
import { reservePort } from '../../harness/services/port-reservation';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_LINE = 'listening for the extension';

/**
 * How the helper is run: `bundle` is one esbuild file under plain `node`, as shipped;
 * `tsx` is the sources under tsx's loader, as `npm run helper` runs them; `executable` is a
 * built single-file executable (`npm run package`), with the node it embeds.
 */
export type HelperRuntime =
  | { readonly kind: 'bundle'; readonly file: string }
  | { readonly kind: 'executable'; readonly file: string }
  | { readonly kind: 'tsx' };

export interface AmiAccess {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly secret: string;
}

export interface DatabaseAccess {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

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

export class HelperStartError extends Error {
  override readonly name = 'HelperStartError';
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

/** The program and its arguments. */
function commandFor(runtime: HelperRuntime, configFile: string): [string, string[]] {
  const command = ['run', '--config', configFile];
  switch (runtime.kind) {
    case 'bundle':
      return [process.execPath, [...nodeOptions(), runtime.file, ...command]];
    case 'executable':
      return [runtime.file, command];
    case 'tsx':
      return [
        process.execPath,
        [...nodeOptions(), '--import', 'tsx', join(REPO_ROOT, 'helper/main.ts'), ...command],
      ];
  }
}

/** Only the bench's own configuration applies: COURIER_* variables would override it. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('COURIER_')),
  );
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
  // The helper binds the port itself; the lock file stays until it is stopped.
  const logFd = openSync(logFile, 'a');
  const [program, programArgs] = commandFor(options.runtime, configFile);
  const child = spawn(program, programArgs, {
    cwd: REPO_ROOT,
    env: cleanEnvironment(),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  child.on('error', () => undefined);
  const pid = child.pid;
  if (pid === undefined) {
    reservation.release();
    throw new HelperStartError(`the helper could not be started with ${program}`);
  }
  const unregister = onProcessExit(() => killNow(pid));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) await terminate(pid, 10_000);
    reservation.release();
    unregister();
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new HelperStartError(
        `the helper exited (${child.exitCode ?? child.signalCode}) while starting; its log:\n` +
          logTail(logFile),
      );
    }
    if (readFileSync(logFile, 'utf8').includes(READY_LINE)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new HelperStartError(
        `the helper did not listen within the deadline; its log:\n${logTail(logFile)}`,
      );
    }
    await delay(50);
  }
  return { pid, wsPort: reservation.port, stateDir, logFile, stop };
}
