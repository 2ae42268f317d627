import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { onProcessExit } from '../services/exit-cleanup';
import { logTail } from '../services/log-tail';
import { hasExited, killNow, terminate } from '../services/process-control';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How the helper is run: `bundle` is one esbuild file under plain `node`, as shipped;
 * `tsx` is the sources under tsx's loader, as `npm run helper` runs them; `executable` is a
 * built single-file executable (`npm run package`), with the node it embeds.
 */
export type HelperRuntime =
  | { readonly kind: 'bundle'; readonly file: string }
  | { readonly kind: 'executable'; readonly file: string }
  | { readonly kind: 'tsx' };

export interface HelperChildOptions {
  readonly runtime: HelperRuntime;
  /** The command line after the program: `run --config FILE`, `serve --config FILE`. */
  readonly args: readonly string[];
  /** Where its stdout and stderr go (the log, JSON lines), appended. */
  readonly logFile: string;
  /** Resolves once this text is in the log; its start fails if it exits first. */
  readonly readyText: string;
  readonly startTimeoutMs?: number;
  /** Node options for the helper process, e.g. for profiling. */
  readonly nodeOptions?: readonly string[];
}

export interface HelperChild {
  readonly pid: number;
  /** Settles with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** SIGKILL at once: a crash, as far as the helper can tell. */
  kill(): Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL if it outlives the grace period. */
  stop(graceMs?: number): Promise<void>;
}

export class HelperStartError extends Error {
  override readonly name = 'HelperStartError';
}

/** The program and its arguments. */
function commandFor(options: HelperChildOptions): [string, string[]] {
  const node = options.nodeOptions ?? [];
  const { runtime, args } = options;
  switch (runtime.kind) {
    case 'bundle':
      return [process.execPath, [...node, runtime.file, ...args]];
    case 'executable':
      return [runtime.file, [...args]];
    case 'tsx':
      return [
        process.execPath,
        [...node, '--import', 'tsx', join(REPO_ROOT, 'helper/main.ts'), ...args],
      ];
  }
}

/** Only the configuration file applies: COURIER_* variables would override it. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('COURIER_')),
  );
}

/**
 * Starts the helper (`run` or `serve`) as a child process of its own, so it can be killed
 * like a crash and started again, and resolves once its log says it is ready. Killed on
 * this process's exit if still running.
 */
export async function spawnHelper(options: HelperChildOptions): Promise<HelperChild> {
  const logFd = openSync(options.logFile, 'a');
  // Earlier runs may have logged the ready text already: only what this one writes counts.
  const logStart = fstatSync(logFd).size;
  const [program, programArgs] = commandFor(options);
  const child: ChildProcess = spawn(program, programArgs, {
    cwd: REPO_ROOT,
    env: cleanEnvironment(),
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  child.on('error', () => undefined);
  const pid = child.pid;
  if (pid === undefined) {
    throw new HelperStartError(`the helper could not be started with ${program}`);
  }
  const exited = new Promise<number | null>((resolve) => {
    if (hasExited(child)) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  const unregister = onProcessExit(() => killNow(pid));
  void exited.then(unregister);
  const handle: HelperChild = {
    pid,
    exited,
    async kill() {
      killNow(pid);
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (!hasExited(child)) await terminate(pid, graceMs);
      await exited;
    },
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (hasExited(child)) {
      throw new HelperStartError(
        `the helper exited (${child.exitCode ?? child.signalCode}) while starting; its log:\n` +
          logTail(options.logFile),
      );
    }
    let text = '';
    try {
      text = readFileSync(options.logFile, 'utf8');
    } catch {
      // Not written yet.
    }
    if (text.slice(logStart).includes(options.readyText)) return handle;
    if (Date.now() > deadline) {
      await handle.stop();
      throw new HelperStartError(
        `the helper was not ready within the deadline; its log:\n${logTail(options.logFile)}`,
      );
    }
    await delay(50);
  }
}
