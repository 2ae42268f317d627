import type { CallView } from '../../../shared/protocol';

export interface CallStoreOptions {
  signal: AbortSignal;
  /** How long an ended call's card stays. */
  endedCloseMs?: number;
  /** Missed calls stay longer, so the operator can call back from the card. */
  missedCloseMs?: number;
  /** A card the user is working in is not closed under them; asked again a little later. */
  keepOpen?: (callId: string) => boolean;
}

export type UpsertResult = 'new' | 'updated' | 'ignored';

const REMEMBERED_DISMISSALS = 200;
const KEEP_OPEN_RETRY_MS = 3000;

/**
 * The calls shown as cards, newest first. Ended calls close themselves after
 * a while; dismissed calls never come back, even if the helper sends them again.
 */
export class CallStore {
  readonly #options: CallStoreOptions;
  readonly #calls = new Map<string, CallView>();
  readonly #closeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #dismissed = new Set<string>();
  readonly #listeners = new Set<() => void>();

  constructor(options: CallStoreOptions) {
    this.#options = options;
    options.signal.addEventListener(
      'abort',
      () => {
        for (const timer of this.#closeTimers.values()) clearTimeout(timer);
        this.#closeTimers.clear();
        this.#listeners.clear();
      },
      { once: true },
    );
  }

  list(): CallView[] {
    return [...this.#calls.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  get(callId: string): CallView | undefined {
    return this.#calls.get(callId);
  }

  upsert(call: CallView): UpsertResult {
    if (this.#options.signal.aborted || this.#dismissed.has(call.callId)) return 'ignored';
    const known = this.#calls.has(call.callId);
    // The card goes on under another call's id (a pickup): the view that follows replaces it.
    if (call.movedTo !== undefined) {
      this.#remove(call.callId);
      return known ? 'updated' : 'ignored';
    }
    // A call that ended before we ever showed it (a late tab) is history, not a card.
    if (!known && call.state === 'ended' && !call.missed) return 'ignored';
    this.#calls.set(call.callId, call);
    if (call.state !== 'ended') {
      // Rung again (a queue's next round after the operator declined): the card stays.
      clearTimeout(this.#closeTimers.get(call.callId));
      this.#closeTimers.delete(call.callId);
    } else if (!this.#closeTimers.has(call.callId)) {
      this.#scheduleClose(call.callId, call.missed ? this.#missedMs : this.#endedMs);
    }
    this.#notify();
    return known ? 'updated' : 'new';
  }

  /** The user closed the card (here or in another tab). */
  dismiss(callId: string): void {
    this.#dismissed.add(callId);
    if (this.#dismissed.size > REMEMBERED_DISMISSALS) {
      this.#dismissed.delete(this.#dismissed.values().next().value as string);
    }
    this.#remove(callId);
  }

  /** Drops every card, for when the user turns cards off. */
  clear(): void {
    for (const callId of [...this.#calls.keys()]) this.#remove(callId);
  }

  subscribe(listener: () => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  get #endedMs(): number {
    return this.#options.endedCloseMs ?? 8_000;
  }

  get #missedMs(): number {
    return this.#options.missedCloseMs ?? 30_000;
  }

  #scheduleClose(callId: string, delay: number): void {
    this.#closeTimers.set(
      callId,
      setTimeout(() => {
        this.#closeTimers.delete(callId);
        if (this.#options.keepOpen?.(callId)) this.#scheduleClose(callId, KEEP_OPEN_RETRY_MS);
        else this.#remove(callId);
      }, delay),
    );
  }

  #remove(callId: string): void {
    clearTimeout(this.#closeTimers.get(callId));
    this.#closeTimers.delete(callId);
    if (this.#calls.delete(callId)) this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
