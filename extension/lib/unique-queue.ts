/**
 * A first-in, first-out queue that holds each item once and can drop any
 * item cheaply. Taking the first item of a `Set` that keeps losing its
 * first items costs a scan over the holes they leave, which made a queue of
 * 10,000 text nodes quadratic; here a removed item is skipped when reached.
 */
export class UniqueQueue<T> {
  #items: T[] = [];
  #head = 0;
  readonly #members = new Set<T>();

  get size(): number {
    return this.#members.size;
  }

  has(item: T): boolean {
    return this.#members.has(item);
  }

  add(item: T): void {
    if (this.#members.has(item)) return;
    this.#members.add(item);
    this.#items.push(item);
  }

  delete(item: T): boolean {
    return this.#members.delete(item);
  }

  /** The oldest item still queued, taken off the queue; undefined when empty. */
  shift(): T | undefined {
    while (this.#head < this.#items.length) {
      const item = this.#items[this.#head++]!;
      if (!this.#members.delete(item)) continue;
      if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items = this.#items.slice(this.#head);
        this.#head = 0;
      }
      return item;
    }
    this.clear();
    return undefined;
  }

  clear(): void {
    this.#items = [];
    this.#head = 0;
    this.#members.clear();
  }

  /** The queued items, oldest first. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let index = this.#head; index < this.#items.length; index++) {
      const item = this.#items[index]!;
      if (this.#members.has(item)) yield item;
    }
  }
}
