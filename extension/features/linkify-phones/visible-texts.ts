import { MIN_PHONE_DIGITS, mayContainPhone } from '../../lib/dom/digit-prefilter';
import { isSkippedElement } from '../../lib/dom/skip-policy';

/** A rectangle in viewport coordinates: the viewport and the margin painted ahead of scrolling. */
export interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Sibling lists longer than this are searched, not read box by box (a 10,000-row table). */
const SEARCHED_SIBLINGS = 32;

function meets(box: DOMRect, area: Area): boolean {
  return (
    box.bottom >= area.top &&
    box.top <= area.bottom &&
    box.right >= area.left &&
    box.left <= area.right
  );
}

/** First of `elements` whose box does not end above the area, assuming boxes follow in document order. */
function firstNotAbove(elements: HTMLCollection, top: number): number {
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (elements[middle]!.getBoundingClientRect().bottom < top) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The text nodes that may hold a phone inside `area`, found by descending
 * only into elements whose box meets it, so what it costs follows what is
 * on screen rather than the size of the document. Long lists of siblings
 * (table rows, list items) are searched by their boxes, which in normal
 * flow follow document order. A heuristic for speed only: content placed
 * out of flow may be missed here, and the full walk that follows finds it.
 * Reads layout; call it when the page's layout is clean (after a frame).
 */
export function visibleTexts(
  root: Element | ShadowRoot,
  area: Area,
  found: (text: Text) => void,
  onShadowRoot: (root: ShadowRoot) => void,
): void {
  const stack: (Element | ShadowRoot)[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== Node.TEXT_NODE) continue;
      const text = child as Text;
      if (text.length >= MIN_PHONE_DIGITS && mayContainPhone(text.data)) found(text);
    }
    const elements = parent.children;
    const searched = elements.length > SEARCHED_SIBLINGS;
    for (
      let index = searched ? firstNotAbove(elements, area.top) : 0;
      index < elements.length;
      index++
    ) {
      const element = elements[index]!;
      if (isSkippedElement(element)) continue;
      const box = element.getBoundingClientRect();
      if (searched && box.top > area.bottom) break;
      // No box of its own (`display: contents`): its children may still show.
      if (!meets(box, area) && (box.width > 0 || box.height > 0)) continue;
      stack.push(element);
      const shadow = element.shadowRoot;
      if (shadow) {
        onShadowRoot(shadow);
        stack.push(shadow);
      }
    }
  }
}
