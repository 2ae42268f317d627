import { MIN_PHONE_DIGITS, mayContainPhone } from './digit-prefilter';
import { isCustomElementName, mayHostShadowRoot } from './shadow-hosts';
import { isSkippedElement } from './skip-policy';

/**
 * A parent with more element children than this is a long list (the rows of
 * a large table, the items of a long feed): the walk reports it instead of
 * going through its children, so whoever walks can watch it in blocks.
 */
export const LONG_LIST = 32;

/** What a walk reports; `C` is the walker's own context, handed back with each report. */
export interface OutlineHooks<C> {
  /** A text node outside skipped subtrees whose text may hold a phone. */
  onCandidate(text: Text, context: C): void;
  /** A parent of a long list, whose children the walk did not enter. */
  onLongList(parent: Element | ShadowRoot, context: C): void;
  /** Open shadow roots of elements outside skipped subtrees; the caller walks them as roots. */
  onShadowRoot(root: ShadowRoot): void;
  /** Custom elements without a shadow root yet: they may attach one later. */
  onShadowlessCustomElement(element: Element): void;
}

/** One level of the walk: the children of `parent` from `next`, up to `end` (not included). */
interface Level {
  parent: Node;
  next: Node | null;
  end: Node | null;
  /** A run of siblings given by the caller rather than all children of `parent`. */
  run: boolean;
}

/** Nodes one step may look at before handing control back for a deadline check. */
const NODES_PER_STEP = 64;

export function isLongList(parent: Element | ShadowRoot): boolean {
  return parent.childElementCount > LONG_LIST;
}

/**
 * Goes through a root (or a run of siblings) top-down in resumable steps,
 * skipping the subtrees that are never painted, and reports the text nodes
 * that may hold a phone. It does not enter long lists: it reports them, so
 * a 10,000-row table costs the walk one report rather than 60,000 nodes,
 * and its rows are walked only when they come near the viewport. Elements
 * are asked for a shadow root only when their name may carry one (table
 * rows and cells cannot, see `mayHostShadowRoot`).
 */
export class OutlineWalk<C> {
  readonly #hooks: OutlineHooks<C>;
  readonly #context: C;
  readonly #levels: Level[] = [];

  /**
   * Walks the children of `parent` from `first` up to `end` (not included);
   * `first` null means from its first child.
   */
  constructor(
    hooks: OutlineHooks<C>,
    context: C,
    parent: Node,
    first: Node | null = parent.firstChild,
    end: Node | null = null,
  ) {
    this.#hooks = hooks;
    this.#context = context;
    this.#levels.push({ parent, next: first, end, run: first !== parent.firstChild || !!end });
  }

  /**
   * A walk of a whole root: a root that is itself a long list is reported at
   * once and leaves nothing to walk.
   */
  static of<C>(root: Node, hooks: OutlineHooks<C>, context: C): OutlineWalk<C> | null {
    const parent = root as Element | ShadowRoot;
    const isParent =
      root.nodeType === Node.ELEMENT_NODE || root.nodeType === Node.DOCUMENT_FRAGMENT_NODE;
    if (isParent && isLongList(parent)) {
      hooks.onLongList(parent, context);
      return null;
    }
    return new OutlineWalk(hooks, context, root);
  }

  /** Does a bounded amount of work; false once the walk is done. */
  step(): boolean {
    for (let visited = 0; visited < NODES_PER_STEP; visited++) {
      const level = this.#levels[this.#levels.length - 1];
      if (!level) return false;
      let node = level.next;
      // The page moved the node the walk stood on: go through this parent again from its start
      // (what was reported already is known to the caller and costs little the second time).
      // A run of siblings has no start to go back to; its caller watches the list it is part of.
      if (node && node.parentNode !== level.parent) {
        node = level.run ? null : level.parent.firstChild;
      }
      if (!node || node === level.end) {
        this.#levels.pop();
        continue;
      }
      level.next = node.nextSibling;
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node as Text;
        // `length` first: reading `data` copies the text into a new string.
        if (text.length >= MIN_PHONE_DIGITS && mayContainPhone(text.data)) {
          this.#hooks.onCandidate(text, this.#context);
        }
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        this.#enter(node as Element);
      }
    }
    return this.#levels.length > 0;
  }

  #enter(element: Element): void {
    if (isSkippedElement(element)) return;
    const name = element.localName;
    if (mayHostShadowRoot(name)) {
      const shadow = element.shadowRoot;
      if (shadow) this.#hooks.onShadowRoot(shadow);
      else if (isCustomElementName(name)) this.#hooks.onShadowlessCustomElement(element);
    }
    if (isLongList(element)) {
      this.#hooks.onLongList(element, this.#context);
      return;
    }
    if (element.firstChild) {
      this.#levels.push({ parent: element, next: element.firstChild, end: null, run: false });
    }
  }
}
