import { setTimeout as sleep } from 'node:timers/promises';
import { errorSummary, type ServiceLogger } from '../agi/logger';
import type { FeedbackRecord, FeedbackStore } from './feedback-record';

export interface FeedbackRecorderOptions {
  readonly store: FeedbackStore;
  readonly logger: ServiceLogger;
  /** Pauses before each new attempt while the database cannot be written. */
  readonly retryDelaysMs?: readonly number[];
  /** Records waiting at most; beyond it a new record is logged and dropped. */
  readonly maxWaiting?: number;
  /** Aborting ends the pauses; records not written by then are logged. */
  readonly signal: AbortSignal;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/**
 * Writes feedback in the background, so the caller hears "thank you" without waiting for
 * the database, and tries again for a while when the database is down. A record that
 * cannot be written in the end is logged whole: it holds codes and numbers only.
 */
export class FeedbackRecorder {
  readonly #options: FeedbackRecorderOptions;
  readonly #delays: readonly number[];
  readonly #maxWaiting: number;
  readonly #inFlight = new Set<Promise<void>>();

  constructor(options: FeedbackRecorderOptions) {
    this.#options = options;
    this.#delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#maxWaiting = options.maxWaiting ?? 10_000;
  }

  /** Records waiting to be written. */
  get waiting(): number {
    return this.#inFlight.size;
  }

  record(record: FeedbackRecord): void {
    if (this.#inFlight.size >= this.#maxWaiting) {
      this.#options.logger.error(
        { feedback: record, waiting: this.#inFlight.size },
        'feedback dropped: too many records wait for the database',
      );
      return;
    }
    const work = this.#write(record);
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  /** Resolves once every record handed over so far is written or given up. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #write(record: FeedbackRecord): Promise<void> {
    const { store, logger, signal } = this.#options;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store.save(record);
        logger.info({ callId: record.callId, outcome: record.outcome }, 'feedback stored');
        return;
      } catch (error) {
        const delay = this.#delays[attempt];
        if (delay === undefined || signal.aborted) {
          logger.error(
            { feedback: record, ...errorSummary(error) },
            'feedback could not be stored',
          );
          return;
        }
        logger.warn(
          { callId: record.callId, attempt, ...errorSummary(error) },
          'feedback not stored yet; retrying',
        );
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          logger.error({ feedback: record }, 'feedback not stored before the service stopped');
          return;
        }
      }
    }
  }
}
