import type { Logger } from 'pino';
import type { IdentityResolver, LookupOutcome } from '../../core/identity-resolver';
import { describeFailure } from '../../lookup/failure-reason';
import type { CallerLookup, QueryExecutor } from '../../lookup/types';
import type { StatusBoard } from './status-board';

/** Between checks while the database answers. */
const HEALTH_INTERVAL_MS = 15_000;
/**
 * Between checks while it does not: the status (and the next card's lookup) should say it is
 * back within a second or two of its return, not a whole healthy interval later. One
 * `SELECT 1` attempt a second from each workstation costs a server nothing.
 */
const DOWN_RECHECK_MS = 1_000;

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
 * says "database down" before an operator's card does, and "connected" again soon after
 * the database returns: checked every `upMs` while it answers, every `downMs` while not.
 */
export function watchDatabase(
  { executor, lookups, status, secrets, logger }: DatabaseWatch,
  signal: AbortSignal,
  intervals: { readonly upMs: number; readonly downMs: number } = {
    upMs: HEALTH_INTERVAL_MS,
    downMs: DOWN_RECHECK_MS,
  },
): { check(): Promise<boolean> } {
  let wasUp: boolean | undefined;
  let timer: NodeJS.Timeout | undefined;
  const probe = async (): Promise<boolean> => {
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
  // Whoever checked (the timer, a lookup that failed, `doctor`-like callers), the next check
  // follows from what this one found.
  const check = async (): Promise<boolean> => {
    const up = await probe();
    if (!signal.aborted) schedule(up ? intervals.upMs : intervals.downMs);
    return up;
  };
  const schedule = (ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), ms);
    timer.unref();
  };
  lookups.subscribe((outcome) => {
    if (outcome.state === 'unavailable') void check();
    else status.set('database', 'connected');
  }, signal);
  schedule(intervals.upMs);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return { check };
}
