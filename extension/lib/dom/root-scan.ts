import { MIN_PHONE_DIGITS, mayContainPhone } from './digit-prefilter';
import { isCustomElementName, mayHostShadowRoot } from './shadow-hosts';
import type { SkipCache } from './skip-policy';

/** What a scan reports while it goes through one root. */
export interface RootScanHooks {
  /** Text worth a look: a digit-rich node outside skipped subtrees, not seen before; `data` is its text. */
  onCandidate(text: Text, data: string): void;
  /** Whether a text node was already scanned and has not changed since. */
  wasScanned(text: Text): boolean;
  /** Links outside skipped subtrees (the caller takes over `tel:` ones). */
  onAnchor(anchor: HTMLAnchorElement): void;
  /** Open shadow roots of elements outside skipped subtrees; the caller scans them as roots. */
  onShadowRoot(root: ShadowRoot): void;
  /** Custom elements without a shadow root yet: they may attach one later. */
  onShadowlessCustomElement(element: Element): void;
}

/** Nodes one step may look at before handing control back for a deadline check. */
const NODES_PER_STEP = 64;

/**
 * Goes through one root (an element, a document body or a shadow root) in
 * resumable steps: its text nodes, then its elements (for shadow roots and
 * links). The walkers have no JavaScript filter: calling back
 * into script for every node costs ten times the walk itself, so skipped
 * subtrees are recognised from a candidate's ancestors instead, through a
 * cache shared by the session.
 */
export class RootScan {
  readonly #root: Node;
  readonly #hooks: RootScanHooks;
  readonly #skips: SkipCache;
  #phase: 'texts' | 'elements' | 'done' = 'texts';
  #walker: TreeWalker;

  constructor(root: Node, hooks: RootScanHooks, skips: SkipCache) {
    this.#root = root;
    this.#hooks = hooks;
    this.#skips = skips;
    this.#walker = this.#document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  get #document(): Document {
    return this.#root.ownerDocument ?? (this.#root as Document);
  }

  /** Does a bounded amount of work; false once the root is done. */
  step(): boolean {
    switch (this.#phase) {
      case 'texts':
        this.#restartIfLost(NodeFilter.SHOW_TEXT);
        if (this.#texts()) return true;
        this.#phase = 'elements';
        this.#walker = this.#document.createTreeWalker(this.#root, NodeFilter.SHOW_ELEMENT);
        return true;
      case 'elements':
        this.#restartIfLost(NodeFilter.SHOW_ELEMENT);
        if (this.#elements()) return true;
        this.#phase = 'done';
        return true;
      case 'done':
        return false;
    }
  }

  /** The page removed the node the walker stood on: start over; what was handled is skipped. */
  #restartIfLost(whatToShow: number): void {
    const current = this.#walker.currentNode;
    if (current === this.#root || (current.isConnected && this.#root.contains(current))) return;
    this.#walker = this.#document.createTreeWalker(this.#root, whatToShow);
  }

  /** Stops after the first candidate, since handling one costs as much as many plain nodes. */
  #texts(): boolean {
    for (let visited = 0; visited < NODES_PER_STEP; visited++) {
      const text = this.#walker.nextNode() as Text | null;
      if (!text) return false;
      // `length` first: reading `data` copies the text into a new string.
      if (text.length < MIN_PHONE_DIGITS) continue;
      const data = text.data;
      if (!mayContainPhone(data) || this.#hooks.wasScanned(text)) continue;
      if (this.#skips.isSkipped(text.parentElement)) continue;
      this.#hooks.onCandidate(text, data);
      return true;
    }
    return true;
  }

  #elements(): boolean {
    for (let visited = 0; visited < NODES_PER_STEP; visited++) {
      const element = this.#walker.nextNode() as Element | null;
      if (!element) return false;
      const name = element.localName;
      if (name === 'a') {
        if (!this.#skips.isSkipped(element.parentElement)) {
          this.#hooks.onAnchor(element as HTMLAnchorElement);
        }
        continue;
      }
      if (!mayHostShadowRoot(name)) continue;
      const shadow = element.shadowRoot;
      if (shadow) {
        if (!this.#skips.isSkipped(element)) this.#hooks.onShadowRoot(shadow);
      } else if (isCustomElementName(name) && !this.#skips.isSkipped(element)) {
        this.#hooks.onShadowlessCustomElement(element);
      }
    }
    return true;
  }
}
