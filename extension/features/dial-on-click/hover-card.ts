import { OwnHost } from '../../lib/dom/own-host';

/**
 * The boxes lie exactly over the number's text, so the pointer is over one
 * of our elements and shows the hand cursor (`::highlight()` cannot set a
 * cursor); they are translucent, so the number stays as the page drew it.
 */
const HOVER_CSS = `
.box {
  position: fixed;
  box-sizing: border-box;
  pointer-events: auto;
  cursor: pointer;
  border-radius: 2px;
  background: rgba(37, 99, 235, 0.14);
}
.tip {
  position: fixed;
  box-sizing: border-box;
  max-width: min(320px, calc(100vw - 16px));
  padding: 4px 8px;
  border-radius: 4px;
  background: #1f2937;
  color: #f9fafb;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  white-space: nowrap;
  pointer-events: none;
  box-shadow: 0 2px 8px rgba(15, 23, 42, 0.25);
}
.tip--above { transform: translateY(-100%); }
@media (forced-colors: active) {
  .box { background: transparent; outline: 1px solid Highlight; }
  .tip { border: 1px solid CanvasText; }
}
`;

/** Gap between the number and its tooltip. */
const TIP_GAP_PX = 6;

/**
 * What hovering a painted number shows, in our own closed shadow root: the
 * pointer boxes and a tooltip ("Позвонить +7 916 123-45-67"). Its host is
 * on the page only while it is shown.
 */
export class HoverCard {
  readonly #host: OwnHost;
  readonly #window: Window;
  readonly #boxes: HTMLElement;
  readonly #tip: HTMLElement;

  constructor(document: Document) {
    this.#host = new OwnHost(document, 'ct-phone-hover', HOVER_CSS);
    this.#window = document.defaultView!;
    this.#boxes = document.createElement('div');
    this.#tip = document.createElement('div');
    this.#tip.className = 'tip';
    this.#tip.setAttribute('role', 'tooltip');
    this.#host.shadow.append(this.#boxes, this.#tip);
  }

  get shown(): boolean {
    return this.#host.shown;
  }

  holds(target: EventTarget | undefined): boolean {
    return this.#host.holds(target);
  }

  show(rects: readonly DOMRect[], label: string): void {
    const document = this.#boxes.ownerDocument;
    this.#boxes.replaceChildren(
      ...rects.map((rect) => {
        const box = document.createElement('div');
        box.className = 'box';
        box.style.left = `${rect.left}px`;
        box.style.top = `${rect.top}px`;
        box.style.width = `${rect.width}px`;
        box.style.height = `${rect.height}px`;
        return box;
      }),
    );
    const last = rects[rects.length - 1]!;
    const below = last.bottom + TIP_GAP_PX;
    const above = below + 32 > this.#window.innerHeight;
    this.#tip.textContent = label;
    this.#tip.classList.toggle('tip--above', above);
    this.#tip.style.left = `${Math.max(4, Math.min(last.left, this.#window.innerWidth - 200))}px`;
    this.#tip.style.top = `${above ? rects[0]!.top - TIP_GAP_PX : below}px`;
    this.#host.show();
  }

  hide(): void {
    this.#host.hide();
  }
}
