import type { RoutedParcel } from '../routing/route-decision';

/** A courier's callback to a recipient, remembered so a call back reaches the same courier. */
export interface RememberedCallback {
  /** The courier's mobile, `+E.164`. */
  readonly courierMobile: string;
  readonly parcel: RoutedParcel;
  /** When the callback was placed (ms since the epoch). */
  readonly at: number;
}

/** Recent callbacks by the recipient's number (digits as the database stores them). */
export interface RecentCallbacks {
  remember(recipientDbKey: string, callback: Omit<RememberedCallback, 'at'>): void;
  recall(recipientDbKey: string): RememberedCallback | undefined;
}

export interface CallbackMemoryOptions {
  /** How long a callback is remembered. */
  readonly ttlMs: number;
  /** Oldest entries are forgotten beyond this many. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

/**
 * In-memory recent callbacks, bounded in time and size. It lives in the server process:
 * a restart forgets them, and a call back is then routed by the parcels in work as usual.
 */
export class CallbackMemory implements RecentCallbacks {
  readonly #entries = new Map<string, RememberedCallback>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: CallbackMemoryOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  remember(recipientDbKey: string, callback: Omit<RememberedCallback, 'at'>): void {
    if (this.#ttlMs <= 0 || this.#maxEntries <= 0) return;
    // Re-inserting moves the key to the end, so the Map's order stays oldest-first.
    this.#entries.delete(recipientDbKey);
    this.#entries.set(recipientDbKey, { ...callback, at: this.#now() });
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }

  recall(recipientDbKey: string): RememberedCallback | undefined {
    const entry = this.#entries.get(recipientDbKey);
    if (entry === undefined) return undefined;
    if (this.#now() - entry.at > this.#ttlMs) {
      this.#entries.delete(recipientDbKey);
      return undefined;
    }
    return entry;
  }
}
