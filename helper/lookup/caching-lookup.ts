import { isUnknownIdentity } from '../../shared/protocol';
import type { Identity } from '../../shared/protocol';
import { InvalidDbKeyError, LookupClosedError, LookupTimeoutError } from './errors';
import { describeFailure } from './failure-reason';
import type { LookupOutcome } from '../core/identity-resolver';
import type { CallerLookup, IdentitySource } from './types';

const DB_KEY = /^\d{2,15}$/;
const MAX_ENTRIES = 2000;
/**
 * The reason a finished round is aborted with: a plain constant, because an abort without
 * a reason builds a DOMException with a stack trace, on every lookup.
 */
const ROUND_OVER = Object.freeze({ name: 'RoundOver' });

export interface CachingLookupOptions {
  /** How long a found identity is reused; 0 turns caching off. */
  ttlMs: number;
  /** How long "nobody known" is reused: shorter, so a number added to the cabinet shows soon. */
  negativeTtlMs: number;
  /** Deadline of one lookup, whatever the source does. */
  timeoutMs: number;
  /** Text the failure reasons must never contain (the database password). */
  secrets?: readonly string[];
  now?: () => number;
}

interface Entry {
  identity: Identity;
  expiresAt: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The lookup was aborted.', 'AbortError');
}

/** Settles with the promise, or rejects as soon as the caller's own signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Puts a short-TTL cache, request coalescing and a hard deadline in front of an
 * identity source. Concurrent lookups of one number share one database round;
 * a caller that aborts leaves the shared round running for the others.
 */
export class CachingLookup implements CallerLookup {
  private readonly cache = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<LookupOutcome>>();
  private readonly closing = new AbortController();
  private readonly now: () => number;

  constructor(
    private readonly source: IdentitySource,
    private readonly options: CachingLookupOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  lookup(dbKey: string, signal?: AbortSignal): Promise<LookupOutcome> {
    if (!DB_KEY.test(dbKey)) return Promise.reject(new InvalidDbKeyError(dbKey));
    if (this.closing.signal.aborted) return Promise.reject(new LookupClosedError());
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const cached = this.cache.get(dbKey);
    if (cached && cached.expiresAt > this.now()) {
      return Promise.resolve({ state: 'done', identity: structuredClone(cached.identity) });
    }
    let flight = this.inFlight.get(dbKey);
    if (!flight) {
      flight = this.fly(dbKey).finally(() => this.inFlight.delete(dbKey));
      this.inFlight.set(dbKey, flight);
    }
    return untilAborted(
      flight.then((outcome) =>
        outcome.state === 'done'
          ? { state: 'done', identity: structuredClone(outcome.identity) }
          : outcome,
      ),
      signal,
    );
  }

  cached(dbKey: string): LookupOutcome | undefined {
    const entry = this.cache.get(dbKey);
    if (!entry || entry.expiresAt <= this.now() || this.closing.signal.aborted) return undefined;
    return { state: 'done', identity: structuredClone(entry.identity) };
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort(new LookupClosedError());
    this.cache.clear();
    await this.source.close();
  }

  private async fly(dbKey: string): Promise<LookupOutcome> {
    const round = new AbortController();
    const stopRound = (): void => round.abort(new LookupClosedError());
    this.closing.signal.addEventListener('abort', stopRound, { once: true });
    const timer = setTimeout(
      () => round.abort(new LookupTimeoutError(this.options.timeoutMs)),
      this.options.timeoutMs,
    );
    // Ends the round at the deadline or on close even if the source ignores its signal.
    const ended = new Promise<never>((_, reject) => {
      round.signal.addEventListener('abort', () => reject(round.signal.reason), { once: true });
    });
    try {
      const identity = await Promise.race([this.source.fetch(dbKey, round.signal), ended]);
      this.remember(dbKey, identity);
      return { state: 'done', identity };
    } catch (error) {
      return { state: 'unavailable', reason: describeFailure(error, this.options.secrets ?? []) };
    } finally {
      clearTimeout(timer);
      this.closing.signal.removeEventListener('abort', stopRound);
      // Settles `ended` so the round leaves nothing behind.
      round.abort(ROUND_OVER);
    }
  }

  private remember(dbKey: string, identity: Identity): void {
    const ttl = isUnknownIdentity(identity) ? this.options.negativeTtlMs : this.options.ttlMs;
    if (ttl <= 0 || this.closing.signal.aborted) return;
    const now = this.now();
    if (this.cache.size >= MAX_ENTRIES) {
      for (const [key, entry] of this.cache) {
        if (entry.expiresAt <= now) this.cache.delete(key);
      }
      // Map order is insertion order, so the first keys are the oldest.
      for (const key of this.cache.keys()) {
        if (this.cache.size < MAX_ENTRIES) break;
        this.cache.delete(key);
      }
    }
    this.cache.set(dbKey, { identity, expiresAt: now + ttl });
  }
}
