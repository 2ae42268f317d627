import PAINT_CSS from './paint.css?inline';

/** Name of the highlight our numbers are painted with, in the page's `CSS.highlights` (and `paint.css`). */
export const PHONE_HIGHLIGHT = 'ct-phone';

/**
 * The document gets `paint.css` injected by the browser with the content
 * script. A shadow tree's highlights are styled only from that tree's own
 * sheets in Firefox, so the painter adopts the same rules into each open
 * shadow root that holds a number. Adopting touches no node and no
 * attribute; a page that resets `adoptedStyleSheets` gets ours back on the
 * next number painted there.
 */
export class PaintStyle {
  readonly #sheet: CSSStyleSheet;
  readonly #roots = new Set<Document | ShadowRoot>();

  constructor(window: Window & typeof globalThis) {
    this.#sheet = new window.CSSStyleSheet();
    this.#sheet.replaceSync(PAINT_CSS);
  }

  adopt(root: Document | ShadowRoot): void {
    this.#roots.add(root);
    if (!root.adoptedStyleSheets.includes(this.#sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    }
  }

  /** Takes the sheet back out of every root it was put in. */
  removeAll(): void {
    for (const root of this.#roots) {
      if (root.adoptedStyleSheets.includes(this.#sheet)) {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
      }
    }
    this.#roots.clear();
  }
}
