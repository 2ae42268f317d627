import type { PhoneLinkRegistry } from '../../lib/dom/phone-link-registry';
import type { PhoneMatch } from './phone-finder';
import type { PhoneLinkFactory } from './phone-link-factory';
import { wrapPhonesInText } from './wrap-phones';

/** Phones found in a text node, to be written once scanning is done. */
interface Found {
  node: Text;
  /** The text the matches belong to. */
  data: string;
  matches: readonly PhoneMatch[];
}

/**
 * The links found but not yet written, and what was inserted for each text
 * node already written. Writes are kept apart from scanning because every
 * write makes the page lay itself out again.
 */
export class PhoneWrites {
  readonly #makeLink: PhoneLinkFactory;
  readonly #registry: PhoneLinkRegistry;
  readonly #pieces = new WeakMap<Text, Node[]>();
  /** The latest scan of each node; an older one still waiting is stale. */
  readonly #latest = new WeakMap<Text, Found>();
  #found: Found[] = [];
  #next = 0;
  #writing = false;

  constructor(makeLink: PhoneLinkFactory, registry: PhoneLinkRegistry) {
    this.#makeLink = makeLink;
    this.#registry = registry;
  }

  get pending(): number {
    return this.#found.length - this.#next;
  }

  /** A batch, once started, is written to the end before scanning resumes. */
  get writing(): boolean {
    return this.#writing;
  }

  /** Records the latest scan of a node; no matches cancels an earlier, still pending one. */
  add(node: Text, data: string, matches: readonly PhoneMatch[]): void {
    if (matches.length === 0) {
      this.#latest.delete(node);
      return;
    }
    const found: Found = { node, data, matches };
    this.#latest.set(node, found);
    this.#found.push(found);
  }

  /**
   * Writes the next pending node unless a newer scan replaced it or
   * `isCurrent` says the page changed it since. Returns the links made.
   */
  writeNext(isCurrent: (node: Text) => boolean): number {
    const found = this.#found[this.#next++];
    this.#writing = this.#next < this.#found.length;
    if (!this.#writing) this.clear();
    if (!found || this.#latest.get(found.node) !== found || !isCurrent(found.node)) return 0;
    const { node, data, matches } = found;
    this.#latest.delete(node);
    const pieces = wrapPhonesInText(node, data, matches, this.#makeLink, this.#registry);
    if (pieces.length === 0) return 0;
    this.#pieces.set(node, pieces);
    let links = 0;
    for (const piece of pieces) if (piece.nodeType === Node.ELEMENT_NODE) links++;
    return links;
  }

  /** The page rewrote or removed a node we split: the rest of its old text must go too. */
  dropPieces(text: Text): void {
    const pieces = this.#pieces.get(text);
    if (!pieces) return;
    this.#pieces.delete(text);
    for (const piece of pieces) {
      if (piece.nodeType === Node.ELEMENT_NODE) this.#registry.forget(piece as Element);
      (piece as ChildNode).remove();
    }
  }

  clear(): void {
    this.#found = [];
    this.#next = 0;
    this.#writing = false;
  }
}
