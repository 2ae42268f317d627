/**
 * A first-in, first-out queue that holds each item once and can drop any
 * item cheaply. Taking the first item of a `Set` with a fresh iterator each
 * time rescans the holes its removed items leave, which made a queue of
 * 10,000 text nodes quadratic; one iterator kept across calls goes on from
 * where it stopped (a `Set` iterator sees later additions and skips
 * removals) and holds no item the queue dropped.
 */
export class UniqueQueue<T> {
  readonly #members = new Set<T>();
  #cursor: Iterator<T> | null = null;

  get size(): number {
    return this.#members.size;
  }

  has(item: T): boolean {
    return this.#members.has(item);
  }

  add(item: T): void {
    this.#members.add(item);
  }

  delete(item: T): boolean {
    return this.#members.delete(item);
  }

  /** The oldest item still queued, taken off the queue; undefined when empty. */
  shift(): T | undefined {
    this.#cursor ??= this.#members.values();
    const next = this.#cursor.next();
    if (next.done) {
      // An iterator that has finished stays finished: the next call starts a new one.
      this.#cursor = null;
      return this.#members.size > 0 ? this.shift() : undefined;
    }
    this.#members.delete(next.value);
    return next.value;
  }

  clear(): void {
    this.#members.clear();
    this.#cursor = null;
  }

  /** The queued items, oldest first. */
  [Symbol.iterator](): IterableIterator<T> {
    return this.#members.values();
  }
}
