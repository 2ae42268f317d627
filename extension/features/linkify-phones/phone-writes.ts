import type { PhoneLinkRegistry } from './phone-link-registry';
import type { SliceDeadline } from '../../lib/dom/slice-scheduler';
import type { PhoneMatch } from './phone-renderer';
import type { PhoneLinkFactory } from './phone-link-factory';
import { attachPhonePieces, preparePhonePieces, type PhonePieces } from './phone-pieces';

/** Links built for a text node, waiting to be put on the page. */
interface Found {
  node: Text;
  pieces: PhonePieces;
}

/**
 * The links built but not yet on the page, and what was inserted for each
 * text node already written. Building happens while scanning; inserting is
 * kept apart and done in as few slices as possible because every slice
 * that edits the page makes it lay itself out again.
 */
export class PhoneWrites {
  readonly #document: Document;
  readonly #makeLink: PhoneLinkFactory;
  readonly #registry: PhoneLinkRegistry;
  readonly #inserted = new WeakMap<Text, Node[]>();
  /** The latest scan of each node; an older one still waiting is stale. */
  readonly #latest = new WeakMap<Text, Found>();
  #found: Found[] = [];
  #next = 0;
  #writing = false;

  constructor(document: Document, makeLink: PhoneLinkFactory, registry: PhoneLinkRegistry) {
    this.#document = document;
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

  /** Builds the links for the latest scan of a node; no matches cancels an earlier, still pending one. */
  add(node: Text, data: string, matches: readonly PhoneMatch[]): void {
    const pieces =
      matches.length === 0
        ? null
        : preparePhonePieces(this.#document, data, matches, this.#makeLink, this.#registry);
    if (!pieces) {
      this.#latest.delete(node);
      return;
    }
    const found: Found = { node, pieces };
    this.#latest.set(node, found);
    this.#found.push(found);
  }

  /**
   * Writes pending nodes in order until none is left or `deadline` passes,
   * skipping a node that a newer scan replaced or that `isCurrent` says the
   * page changed since. Returns the links written.
   */
  writeSome(deadline: SliceDeadline, isCurrent: (node: Text) => boolean): number {
    const found = this.#found;
    const first = this.#next;
    let links = 0;
    let index = first;
    for (; index < found.length; index++) {
      // At least one write per call, so a slice that is out of time still moves on.
      if (index > first && ((index - first) & 7) === 0 && deadline.timeRemaining() <= 0) break;
      const entry = found[index]!;
      const { node, pieces } = entry;
      if (this.#latest.get(node) !== entry || !isCurrent(node)) continue;
      this.#latest.delete(node);
      attachPhonePieces(node, pieces);
      this.#inserted.set(node, pieces.nodes);
      links += pieces.links;
    }
    this.#next = index;
    this.#writing = index < found.length;
    if (!this.#writing) this.clear();
    return links;
  }

  /** The page rewrote or removed a node we split: the rest of its old text must go too. */
  dropPieces(text: Text): void {
    const nodes = this.#inserted.get(text);
    if (!nodes) return;
    this.#inserted.delete(text);
    for (const piece of nodes) {
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
