import { OWN_UI_ATTRIBUTE } from './skip-policy';

/**
 * The host element of one of our closed shadow roots, put on the page only
 * while it shows something: the last child of `<html>`, outside the page's
 * content, so the page's `<body>`, its selectors over body children and its
 * layout never meet it. Fixed and sized to nothing, it takes no part in the
 * page's layout; what it shows is positioned inside it.
 */
export class OwnHost {
  readonly #document: Document;
  readonly #host: HTMLElement;
  readonly shadow: ShadowRoot;

  constructor(document: Document, name: string, css: string) {
    this.#document = document;
    this.#host = document.createElement(name);
    this.#host.setAttribute(OWN_UI_ATTRIBUTE, '');
    this.shadow = this.#host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = `:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  display: block !important;
  pointer-events: none !important;
  contain: layout style !important;
}
${css}`;
    this.shadow.append(style);
  }

  get shown(): boolean {
    return this.#host.isConnected;
  }

  /** Whether an event's path enters this host (its inside is closed to everyone else). */
  holds(target: EventTarget | undefined): boolean {
    return target === this.#host;
  }

  show(): void {
    const root = this.#document.documentElement;
    if (this.#host.parentNode !== root) root.append(this.#host);
  }

  hide(): void {
    this.#host.remove();
  }
}
