/** A number found in one text node, as offsets into its text. */
export interface PaintedMatch {
  /** Offsets into the node's text, end exclusive. */
  start: number;
  end: number;
  /** Normalized number, `+79161234567`. */
  e164: string;
}

/** One painted number under the pointer: where it is and its boxes on screen. */
export interface PaintedHit {
  text: Text;
  match: PaintedMatch;
  /** The number's boxes in viewport coordinates, one per line it spans. */
  rects: DOMRect[];
}

/**
 * The numbers painted on the page (as highlights, without elements), by
 * text node. Kept in our isolated world: the page can read the highlight
 * registry but cannot make us dial a number we did not read ourselves.
 * The painter writes it; clicks, hover and the keyboard command read it.
 */
export class PaintedPhoneRegistry {
  readonly #byText = new Map<Text, readonly PaintedMatch[]>();
  readonly #forgotten = new Set<(text: Text) => void>();
  #reader: ((text: Text) => readonly PaintedMatch[] | undefined) | null = null;

  set(text: Text, matches: readonly PaintedMatch[]): void {
    this.#byText.set(text, matches);
  }

  get(text: Text): readonly PaintedMatch[] | undefined {
    return this.#byText.get(text);
  }

  get size(): number {
    return this.#byText.size;
  }

  delete(text: Text): void {
    if (!this.#byText.delete(text)) return;
    for (const listener of this.#forgotten) listener(text);
  }

  clear(): void {
    for (const text of [...this.#byText.keys()]) this.delete(text);
  }

  /**
   * Numbers are found as they come near the viewport; the pointer, a click or
   * the keyboard can reach one first. The painter lends this reader so that
   * such a text is read on the spot (and registered) when it is asked for.
   */
  useReader(
    reader: (text: Text) => readonly PaintedMatch[] | undefined,
    signal: AbortSignal,
  ): void {
    this.#reader = reader;
    signal.addEventListener(
      'abort',
      () => {
        if (this.#reader === reader) this.#reader = null;
      },
      { once: true },
    );
  }

  /** The numbers of a text node, read now if the painter has not read it yet. */
  read(text: Text): readonly PaintedMatch[] | undefined {
    return this.#byText.get(text) ?? this.#reader?.(text);
  }

  /** Called when a node's numbers are dropped (the page changed or removed it). */
  onForget(listener: (text: Text) => void, signal: AbortSignal): void {
    this.#forgotten.add(listener);
    signal.addEventListener('abort', () => this.#forgotten.delete(listener), { once: true });
  }

  /** The number whose text holds `offset` in `text`, ends included (a caret just after it). */
  matchAt(text: Text, offset: number): PaintedMatch | null {
    for (const match of this.read(text) ?? []) {
      if (offset >= match.start && offset <= match.end) return match;
    }
    return null;
  }

  /**
   * The painted number at a viewport point. Numbers are text, so the element
   * the pointer is over is the parent of the number's text node: its text
   * children are the only candidates, and the number's own boxes decide.
   * Reads layout only; the page has laid itself out by the time input arrives.
   */
  hitTest(element: Element, x: number, y: number): PaintedHit | null {
    let range: Range | null = null;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== Node.TEXT_NODE) continue;
      const matches = this.read(child as Text);
      if (!matches) continue;
      for (const match of matches) {
        range ??= element.ownerDocument.createRange();
        range.setStart(child, match.start);
        range.setEnd(child, match.end);
        const rects = Array.from(range.getClientRects());
        if (rects.some((rect) => contains(rect, x, y))) {
          return { text: child as Text, match, rects };
        }
      }
    }
    return null;
  }
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}
