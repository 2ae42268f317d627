/**
 * What one click-to-call request holds while it runs: an abort signal for its listeners
 * and its timers. close() releases all of it at once.
 */
export class RequestScope {
  readonly #controller = new AbortController();
  readonly #timers = new Set<NodeJS.Timeout>();

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Runs `task` after `ms` unless the scope is closed first. */
  after(ms: number, task: () => void): void {
    if (this.#controller.signal.aborted) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      task();
    }, ms);
    this.#timers.add(timer);
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#controller.abort();
  }
}
