import type { Logger } from 'pino';
import { describeFailure } from '../../lookup/failure-reason';
import type { QueryExecutor } from '../../lookup/types';
import type { StatusBoard } from './status-board';

const HEALTH_INTERVAL_MS = 15_000;

/**
 * Keeps the database row of the status live between calls, so the popup
 * says "database down" before an operator's card does.
 */
export function watchDatabase(
  executor: QueryExecutor,
  status: StatusBoard,
  secrets: readonly string[],
  logger: Logger,
  signal: AbortSignal,
): { check(): Promise<boolean> } {
  let wasUp: boolean | undefined;
  const check = async (): Promise<boolean> => {
    try {
      await executor.query('SELECT 1', [], signal);
      status.set('database', 'connected');
      if (wasUp === false) logger.info('database reachable again');
      wasUp = true;
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      const reason = describeFailure(error, secrets);
      status.set('database', 'down', reason);
      if (wasUp !== false) logger.warn({ reason }, 'database unreachable');
      wasUp = false;
      return false;
    }
  };
  const timer = setInterval(() => void check(), HEALTH_INTERVAL_MS);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { check };
}
