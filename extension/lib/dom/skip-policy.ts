/**
 * Which parts of a page are never rewritten. A rejected element hides its
 * whole subtree, so the walker never descends into form fields, code, or
 * widgets whose text the page itself edits.
 */

/** Marks elements of our own UI (shadow hosts) so scans never enter them. */
export const OWN_UI_ATTRIBUTE = 'data-ct-ui';

/** Page authors opt a subtree out of linking with this attribute. */
export const OPT_OUT_ATTRIBUTE = 'data-ct-skip';

/** Class of the links we create; also used to recognise them on re-scans. */
export const PHONE_LINK_CLASS = 'ct-phone';

/**
 * Local names (lower-case for HTML in both HTML and XHTML documents). `svg`
 * and `math` stand for their whole subtrees: their text cannot hold an HTML link.
 */
const SKIPPED_NAMES = new Set([
  'a',
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'script',
  'style',
  'code',
  'pre',
  'kbd',
  'samp',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'svg',
  'math',
]);

function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** True when the element and everything under it must be left as it is. */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_NAMES.has(element.localName)) return true;
  // Most elements of a large table carry no attributes at all.
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute(OPT_OUT_ATTRIBUTE) || element.hasAttribute(OWN_UI_ATTRIBUTE)) {
    return true;
  }
  return isEditable(element);
}

/** A `tel:` link we take over instead of skipping silently. */
export function isTelLink(element: Element): element is HTMLAnchorElement {
  return (
    element.localName === 'a' &&
    (element.getAttribute('href') ?? '').trimStart().slice(0, 4).toLowerCase() === 'tel:'
  );
}

/**
 * Whether a node sits inside a skipped subtree, crossing shadow boundaries,
 * for content that arrives through mutations rather than a top-down walk.
 */
export function isInsideSkipped(node: Node): boolean {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE) {
      if (isSkippedElement(current as Element)) return true;
      current = current.parentNode;
    } else if (current.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      current = (current as ShadowRoot).host ?? null;
    } else {
      return false;
    }
  }
  return false;
}

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
