import type { Logger } from 'pino';
import type { HelperConfig } from '../config/types';
import { type CliIo, EXIT } from '../core/cli-io';
import { reportCrashesTo } from '../core/crash-guard';
import { acquirePidLock, AlreadyRunningError, type PidLock, PidLockError } from '../core/pid-lock';
import { loggerForConfig } from '../log/logger-for-config';

export interface LockedRun {
  config: HelperConfig;
  /** The lock file: one program of this kind runs per state folder. */
  lockFile: string;
  /** How the log names the program: "helper", "PBX-side service". */
  name: string;
}

/**
 * Takes the lock, opens the configured log, and runs `serve` (which logs its own start)
 * until it resolves, normally once the signal of `io` aborts; then closes the log and
 * releases the lock. Resolves with the exit code: a held lock is reported, not thrown.
 */
export async function runLocked(
  { config, lockFile, name }: LockedRun,
  io: CliIo,
  serve: (logger: Logger) => Promise<void>,
): Promise<number> {
  let lock: PidLock;
  try {
    lock = acquirePidLock({ file: lockFile });
  } catch (error) {
    if (!(error instanceof AlreadyRunningError) && !(error instanceof PidLockError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return error instanceof AlreadyRunningError ? EXIT.alreadyRunning : EXIT.failed;
  }
  const { logger, close } = loggerForConfig(config, io.stderr);
  const unreport = reportCrashesTo((kind, error) => {
    logger.fatal(
      { err: error, crash: kind, uptimeSeconds: Math.round(process.uptime()) },
      `${name} crashed on an error nothing handled (${kind}); exiting to be restarted`,
    );
    // The process ends next; a lock left behind would only be found stale anyway.
    lock.release();
  });
  try {
    await serve(logger);
    logger.info(`${name} stopped`);
    return EXIT.ok;
  } catch (error) {
    logger.fatal({ err: error }, `${name} stopped on an error`);
    return EXIT.failed;
  } finally {
    unreport();
    await close();
    lock.release();
  }
}
