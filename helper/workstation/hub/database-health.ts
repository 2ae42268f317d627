import type { Logger } from 'pino';
import type { IdentityResolver, LookupOutcome } from '../../core/identity-resolver';
import { describeFailure } from '../../lookup/failure-reason';
import type { CallerLookup, QueryExecutor } from '../../lookup/types';
import type { StatusBoard } from './status-board';

const HEALTH_INTERVAL_MS = 15_000;

/**
 * The directory's lookups as the hub and the prefetch ask them, each outcome also told to
 * its listeners: how the database's health watch learns of an outage between its checks.
 */
export class ReportingResolver implements IdentityResolver {
  readonly #listeners = new Set<(outcome: LookupOutcome) => void>();

  constructor(private readonly lookups: Pick<CallerLookup, 'lookup' | 'cached'>) {}

  async lookup(dbKey: string, signal?: AbortSignal): Promise<LookupOutcome> {
    const outcome = await this.lookups.lookup(dbKey, signal);
    for (const listener of this.#listeners) listener(outcome);
    return outcome;
  }

  cached(dbKey: string): LookupOutcome | undefined {
    return this.lookups.cached(dbKey);
  }

  subscribe(listener: (outcome: LookupOutcome) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }
}

export interface DatabaseWatch {
  executor: QueryExecutor;
  /** A lookup that found the database down starts a check at once; an answer means it is up. */
  lookups: ReportingResolver;
  status: StatusBoard;
  secrets: readonly string[];
  logger: Logger;
}

/**
 * Keeps the database row of the status live between calls, so the popup
 * says "database down" before an operator's card does.
 */
export function watchDatabase(
  { executor, lookups, status, secrets, logger }: DatabaseWatch,
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
  lookups.subscribe((outcome) => {
    if (outcome.state === 'unavailable') void check();
    else status.set('database', 'connected');
  }, signal);
  const timer = setInterval(() => void check(), HEALTH_INTERVAL_MS);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { check };
}
