import type { Logger } from 'pino';
import type { HelperConfig } from '../../config/types';
import { startDemoHelper } from './run-demo';
import { startRealHelper } from './run-real';

/** Serves until `signal` aborts: the demo on embedded defaults, or the real PBX and database. */
export async function runHelper(
  config: HelperConfig,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  const running =
    config.mode === 'demo'
      ? await startDemoHelper(config, logger, signal)
      : await startRealHelper(config, logger, signal);
  await running.stopped;
}
