import { setTimeout as sleep } from 'node:timers/promises';
import { type CliIo, EXIT } from '../../core/cli-io';
import {
  AlreadyRunningError,
  pidFileFor,
  readPidFile,
  runningHelperPid,
  type ProcessAlive,
} from '../../core/pid-lock';
import { selfCommand } from './packaged-executable';
import { spawnDetached, type SpawnDetached } from './spawn-detached';
import { tr } from '../../core/cli-text';
import './russian';

export interface BackgroundStartOptions {
  /** The `run` arguments for the background helper, without `--background`. */
  runArgs: readonly string[];
  stateDir: string;
  /** The configured log file; empty when the helper logs nowhere but its (absent) console. */
  logFile: string;
  io: CliIo;
  spawn?: SpawnDetached;
  alive?: ProcessAlive;
  /** How long to wait for the helper to take its lock. */
  confirmWithinMs?: number;
}

const POLL_MS = 100;

/**
 * `run --background`: starts the helper as a detached process and returns once it holds its
 * lock (or has already failed), so a Run-key start or a shortcut leaves no window open and
 * the person who typed it still learns whether it started.
 */
export async function startInBackground(options: BackgroundStartOptions): Promise<number> {
  const { io } = options;
  const lockFile = pidFileFor(options.stateDir);
  const running = runningHelperPid(lockFile, options.alive);
  if (running !== undefined) {
    io.stderr.write(`${new AlreadyRunningError(running, lockFile).message}\n`);
    return EXIT.alreadyRunning;
  }
  const [file = '', ...args] = selfCommand(['run', ...options.runArgs]);
  const child = await (options.spawn ?? spawnDetached)(file, args);
  const log = options.logFile
    ? tr`its log: ${options.logFile}`
    : tr`it keeps no log: set [log] file in the configuration`;
  try {
    let exitCode: number | null | undefined;
    void child.exited.then((code) => (exitCode = code));
    const deadline = Date.now() + (options.confirmWithinMs ?? 10_000);
    while (Date.now() < deadline && !io.signal.aborted) {
      if (exitCode !== undefined) {
        io.stderr.write(
          `${tr`The helper stopped at once (exit code ${exitCode}). Run it without --background to see why.`}\n`,
        );
        return exitCode === EXIT.alreadyRunning ? EXIT.alreadyRunning : EXIT.failed;
      }
      if (readPidFile(lockFile) === child.pid) {
        io.stdout.write(
          `${tr`Courier helper started in the background (PID ${child.pid}); ${log}.`}\n`,
        );
        return EXIT.ok;
      }
      await sleep(POLL_MS, undefined, { signal: io.signal }).catch(() => undefined);
    }
    io.stdout.write(
      `${tr`Courier helper is starting in the background (PID ${child.pid}); ${log}.`}\n`,
    );
    return EXIT.ok;
  } finally {
    child.release();
  }
}
