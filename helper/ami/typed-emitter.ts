/* eslint-disable @typescript-eslint/no-explicit-any -- listener signatures are generic */
type Listener = (...args: any[]) => void;

export interface ListenOptions {
  /** Removes the listener when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * A minimal typed event emitter. A throwing listener is reported to `onListenerError` and
 * does not stop the other listeners, so one faulty consumer cannot stall the AMI stream.
 */
export class TypedEmitter<Events extends { [K in keyof Events]: Listener }> {
  readonly #listeners = new Map<keyof Events, Listener[]>();
  readonly #onListenerError: (error: unknown, event: keyof Events) => void;

  constructor(onListenerError: (error: unknown, event: keyof Events) => void) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof Events>(
    event: K,
    listener: Events[K],
    options: ListenOptions = {},
  ): () => void {
    const { signal } = options;
    if (signal?.aborted) return () => undefined;
    const list = this.#listeners.get(event);
    // Copy on write: emit() may be iterating the current array.
    this.#listeners.set(event, list === undefined ? [listener] : [...list, listener]);
    const off = (): void => {
      signal?.removeEventListener('abort', off);
      const current = this.#listeners.get(event);
      if (current === undefined) return;
      const next = current.filter((l) => l !== listener);
      if (next.length === 0) this.#listeners.delete(event);
      else this.#listeners.set(event, next);
    };
    signal?.addEventListener('abort', off, { once: true });
    return off;
  }

  emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    for (const listener of list) {
      try {
        listener(...args);
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
  }

  listenerCount(event: keyof Events): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  removeAll(): void {
    this.#listeners.clear();
  }
}
