import type { RoutedParcel } from '../routing/route-decision';

/** A courier's callback to a recipient, remembered so a call back reaches the same courier. */
export interface RememberedCallback {
  /** The courier's mobile, `+E.164`. */
  readonly courierMobile: string;
  readonly parcel: RoutedParcel;
}

/**
 * Recent callbacks by the recipient's number (digits as the database stores them), for as
 * long as `server.callbackMemoryHours` says.
 */
export interface RecentCallbacks {
  remember(recipientDbKey: string, callback: RememberedCallback): Promise<void>;
  /** Rejects when the memory cannot be read; the call is then routed by its parcels. */
  recall(recipientDbKey: string, signal: AbortSignal): Promise<RememberedCallback | undefined>;
}

export interface CallbackMemoryOptions {
  /** How long a callback is remembered. */
  readonly ttlMs: number;
  /** Oldest entries are forgotten beyond this many. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

/**
 * Recent callbacks in the service's own memory, bounded in time and size: what a service
 * without the journal's database account uses. A restart forgets them, and another service
 * instance never knew them; a call back is then routed by the parcels in work as usual.
 */
export class CallbackMemory implements RecentCallbacks {
  readonly #entries = new Map<string, RememberedCallback & { readonly at: number }>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: CallbackMemoryOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  async remember(recipientDbKey: string, callback: RememberedCallback): Promise<void> {
    if (this.#ttlMs <= 0 || this.#maxEntries <= 0) return;
    // Re-inserting moves the key to the end, so the Map's order stays oldest-first.
    this.#entries.delete(recipientDbKey);
    this.#entries.set(recipientDbKey, { ...callback, at: this.#now() });
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }

  async recall(recipientDbKey: string): Promise<RememberedCallback | undefined> {
    const entry = this.#entries.get(recipientDbKey);
    if (entry === undefined) return undefined;
    if (this.#now() - entry.at > this.#ttlMs) {
      this.#entries.delete(recipientDbKey);
      return undefined;
    }
    return { courierMobile: entry.courierMobile, parcel: entry.parcel };
  }
}
