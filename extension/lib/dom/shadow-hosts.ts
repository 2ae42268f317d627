/** The built-in elements `attachShadow` accepts (DOM standard, "valid shadow host name"). */
const BUILT_IN_HOSTS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

/**
 * Whether an element of this local name can have a shadow root at all.
 * Asking the name first spares a `shadowRoot` lookup on every cell and row
 * of a large table, which cannot host one.
 */
export function mayHostShadowRoot(localName: string): boolean {
  return BUILT_IN_HOSTS.has(localName) || isCustomElementName(localName);
}

/** Autonomous custom elements are the only elements whose names hold a hyphen. */
export function isCustomElementName(localName: string): boolean {
  return localName.includes('-');
}

export interface LateShadowRootsOptions {
  /** Called once for each shadow root that turns up on a watched element. */
  onShadowRoot(root: ShadowRoot): void;
  signal: AbortSignal;
  /** First delay before looking again; it doubles after each look. */
  firstDelayMs?: number;
  /** Looks per element before giving up on it. */
  attempts?: number;
  maxDelayMs?: number;
}

/**
 * Custom elements often attach their shadow root after they are in the
 * document (when their definition loads), and no mutation reports that. An
 * isolated content script cannot hook `attachShadow`, so watched elements are
 * looked at again a few times, at growing intervals, then forgotten.
 */
export class LateShadowRoots {
  readonly #options: LateShadowRootsOptions;
  readonly #watched = new Map<Element, number>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #delay: number;

  constructor(options: LateShadowRootsOptions) {
    this.#options = options;
    this.#delay = options.firstDelayMs ?? 250;
    options.signal.addEventListener(
      'abort',
      () => {
        clearTimeout(this.#timer);
        this.#watched.clear();
      },
      { once: true },
    );
  }

  watch(element: Element): void {
    if (this.#watched.has(element) || this.#options.signal.aborted) return;
    this.#watched.set(element, this.#options.attempts ?? 6);
    this.#delay = this.#options.firstDelayMs ?? 250;
    if (this.#timer === undefined) this.#schedule();
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      for (const [element, left] of this.#watched) {
        if (element.shadowRoot) {
          this.#watched.delete(element);
          this.#options.onShadowRoot(element.shadowRoot);
        } else if (!element.isConnected || left <= 1) {
          this.#watched.delete(element);
        } else {
          this.#watched.set(element, left - 1);
        }
      }
      this.#delay = Math.min(this.#delay * 2, this.#options.maxDelayMs ?? 8000);
      if (this.#watched.size > 0 && !this.#options.signal.aborted) this.#schedule();
    }, this.#delay);
  }
}
