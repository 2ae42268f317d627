import { MIN_PHONE_DIGITS, mayContainPhone } from '../../lib/dom/digit-prefilter';
import { isLongList } from '../../lib/dom/outline-walk';
import { isSkippedElement } from '../../lib/dom/skip-policy';

/** A rectangle in viewport coordinates: the viewport and the margin painted ahead of scrolling. */
export interface Area {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

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

/** What the walk hands over. */
export interface VisibleHooks {
  /** A text node inside the area that may hold a phone. */
  found(text: Text): void;
  onShadowRoot(root: ShadowRoot): void;
  /**
   * A long list (see `isLongList`) whose children `first`…`last` (indices)
   * meet the area. The walk does not enter them: the caller takes the rows in
   * as it watches them later, so that what it paints now is what it will
   * find near then.
   */
  onLongList(parent: Element | ShadowRoot, first: number, last: number): void;
}

/**
 * The text nodes that may hold a phone inside `area`, found by descending
 * only into elements whose box meets it, so what it costs follows what is
 * on screen rather than the size of the document. Long lists of siblings
 * (table rows, list items) are searched by their boxes, which in normal
 * flow follow document order, and handed over. A heuristic for speed only:
 * content placed out of flow may be missed here, and the full walk that
 * follows finds it. Reads layout; call it when the page's layout is clean
 * (after a frame).
 */
export function visibleTexts(root: Element | ShadowRoot, area: Area, hooks: VisibleHooks): void {
  const stack: (Element | ShadowRoot)[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== Node.TEXT_NODE) continue;
      const text = child as Text;
      if (text.length >= MIN_PHONE_DIGITS && mayContainPhone(text.data)) hooks.found(text);
    }
    if (isLongList(parent)) {
      listInArea(parent, area, hooks);
      continue;
    }
    for (const element of parent.children) {
      if (isSkippedElement(element)) continue;
      const box = element.getBoundingClientRect();
      // No box of its own (`display: contents`): its children may still show.
      if (!meets(box, area) && (box.width > 0 || box.height > 0)) continue;
      stack.push(element);
      const shadow = element.shadowRoot;
      if (shadow) {
        hooks.onShadowRoot(shadow);
        stack.push(shadow);
      }
    }
  }
}

/** Hands over the run of a long list's children that meets the area, found by their boxes. */
function listInArea(parent: Element | ShadowRoot, area: Area, hooks: VisibleHooks): void {
  const elements = parent.children;
  let first = -1;
  let last = -1;
  for (let index = firstNotAbove(elements, area.top); index < elements.length; index++) {
    const box = elements[index]!.getBoundingClientRect();
    if (box.top > area.bottom) break;
    // A row laid out sideways out of the area is not in it; one without a box of its
    // own (`display: contents`) may be, as the observer also counts it.
    if (!meets(box, area) && (box.width > 0 || box.height > 0)) continue;
    if (first < 0) first = index;
    last = index;
  }
  if (first >= 0) hooks.onLongList(parent, first, last);
}
