import { isSkippedElement } from './skip-policy';

/**
 * Answers "is this element, or one of its ancestors, skipped?" with each
 * element looked at once: the answer is stored for the whole chain climbed.
 * Kept for one linking session only, so elements the page later moves or
 * re-attributes are judged afresh.
 */
export class SkipCache {
  readonly #known = new WeakMap<Element, boolean>();

  /** Climbs to the top of the element's tree (a document or a shadow root). */
  isSkipped(element: Element | null): boolean {
    const chain: Element[] = [];
    let result = false;
    for (let current = element; current; current = current.parentElement) {
      const known = this.#known.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(current);
      if (isSkippedElement(current)) {
        result = true;
        break;
      }
    }
    for (const link of chain) this.#known.set(link, result);
    return result;
  }
}
