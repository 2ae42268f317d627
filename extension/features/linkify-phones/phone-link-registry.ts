/** What we know about a link that dials. */
export interface PhoneLinkEntry {
  /** Normalized number, `+79161234567`. */
  e164: string;
  /** True for links we created around page text, false for taken-over `tel:` links. */
  created: boolean;
}

/**
 * The links this content script owns. Held in our isolated world, so a page
 * can copy our markup or change `data-phone` but cannot make a link dial a
 * number we did not read ourselves.
 */
export class PhoneLinkRegistry {
  readonly #entries = new WeakMap<Element, PhoneLinkEntry>();

  register(link: HTMLAnchorElement, entry: PhoneLinkEntry): void {
    this.#entries.set(link, entry);
  }

  lookup(element: Element): PhoneLinkEntry | undefined {
    return this.#entries.get(element);
  }

  forget(link: Element): void {
    this.#entries.delete(link);
  }

  /** The nearest registered link on an event's path, across open shadow roots. */
  linkOnPath(
    path: readonly EventTarget[],
  ): { link: HTMLAnchorElement; entry: PhoneLinkEntry } | null {
    for (const target of path) {
      const entry = this.#entries.get(target as Element);
      if (entry) return { link: target as HTMLAnchorElement, entry };
    }
    return null;
  }
}
