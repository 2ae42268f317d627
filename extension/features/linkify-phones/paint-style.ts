/** Name of the highlight our numbers are painted with, in the page's `CSS.highlights`. */
export const PHONE_HIGHLIGHT = 'ct-phone';

/**
 * How a painted number looks: a dotted underline in the text's own colour,
 * like our inserted links, so it reads as a link on any background and the
 * page's colours stay legible. `::highlight()` takes only colours, text
 * decoration and shadows, none of which moves a glyph.
 */
const PAINT_CSS = `::highlight(${PHONE_HIGHLIGHT}) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 1.5px;
  text-underline-offset: 0.18em;
}`;

/**
 * The one stylesheet the painter adopts into the document and into each open
 * shadow root that holds a number (Firefox styles a shadow tree's highlights
 * only from that tree's own sheets). Adopting touches no node and no
 * attribute; a page that resets `adoptedStyleSheets` gets ours back on the
 * next batch of numbers.
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
