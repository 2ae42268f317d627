import type { Page } from 'playwright-core';

/**
 * What a page looks like to its own scripts and to a person, for comparing
 * the same page with and without the extension.
 */
export interface PageSnapshot {
  /** `document.body.innerText`: the text a person sees. */
  innerText: string;
  /** `tag#id=value` of every input, textarea and select, as their live values. */
  values: string[];
  /** `document.documentElement.outerHTML` as it is. */
  rawHtml: string;
  /**
   * The same with the extension's phone links put back to the text they
   * wrapped and the `data-phone` of taken-over `tel:` links removed: what the
   * page was before the extension ran, if the extension changed nothing else.
   */
  plainHtml: string;
  /** Inner HTML of every open shadow root, as it is and put back the same way. */
  rawShadowHtml: string[];
  plainShadowHtml: string[];
  /** Outer HTML of each given element, as it is (missing elements give an empty string). */
  subtrees: Record<string, string>;
}

/** A phone link the extension made or took over, and where it sits. */
export interface PhoneLinkInfo {
  e164: string;
  text: string;
  /** True for links the extension made around text (`a.ct-phone`). */
  created: boolean;
  /** The first given region (light DOM) or shadow host selector holding the link, or null. */
  container: string | null;
}

export interface NearMiss {
  text: string;
  /** Occurrences in the page's text (whitespace runs read as one space). */
  found: number;
  /** Occurrences of which at least one character lies inside a phone link. */
  linked: number;
}

export function snapshotPage(
  page: Page,
  subtreeSelectors: readonly string[],
): Promise<PageSnapshot> {
  return page.evaluate((selectors) => {
    const putBack = (root: Element | DocumentFragment): void => {
      for (const link of root.querySelectorAll('a.ct-phone')) {
        link.replaceWith(document.createTextNode(link.textContent ?? ''));
      }
      for (const link of root.querySelectorAll('a[data-phone]')) link.removeAttribute('data-phone');
      root.normalize();
    };
    const plain = document.documentElement.cloneNode(true) as Element;
    putBack(plain);
    const shadowRoots = [...document.querySelectorAll('*')].flatMap((element) =>
      element.shadowRoot ? [element.shadowRoot] : [],
    );
    const shadowCopies = shadowRoots.map((root) => {
      const copy = document.createElement('div');
      for (const child of root.childNodes) copy.append(child.cloneNode(true));
      return copy;
    });
    const rawShadowHtml = shadowCopies.map((copy) => copy.innerHTML);
    const plainShadowHtml = shadowCopies.map((copy) => {
      putBack(copy);
      return copy.innerHTML;
    });
    const fields = document.querySelectorAll<
      HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
    >('input, textarea, select');
    return {
      innerText: document.body.innerText,
      values: [...fields].map(
        (field) => `${field.tagName.toLowerCase()}#${field.id || field.name}=${field.value}`,
      ),
      rawHtml: document.documentElement.outerHTML,
      plainHtml: plain.outerHTML,
      rawShadowHtml,
      plainShadowHtml,
      subtrees: Object.fromEntries(
        selectors.map((selector) => [selector, document.querySelector(selector)?.outerHTML ?? '']),
      ),
    };
  }, subtreeSelectors);
}

/** `data-phone` of the links the extension made inside each selector's elements, in document order. */
export function phonesBySelector(
  page: Page,
  selectors: readonly string[],
): Promise<Record<string, string[]>> {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((selector) => [
          selector,
          [...document.querySelectorAll(selector)].flatMap((element) =>
            [...element.querySelectorAll<HTMLElement>('a.ct-phone')].map(
              (link) => link.dataset.phone ?? '',
            ),
          ),
        ]),
      ),
    selectors,
  );
}

/** The same inside the open shadow root of each host selector. */
export function phonesInShadowHosts(
  page: Page,
  hostSelectors: readonly string[],
): Promise<Record<string, string[]>> {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((selector) => [
          selector,
          [...document.querySelectorAll(selector)].flatMap((host) =>
            [...(host.shadowRoot?.querySelectorAll<HTMLElement>('a.ct-phone') ?? [])].map(
              (link) => link.dataset.phone ?? '',
            ),
          ),
        ]),
      ),
    hostSelectors,
  );
}

/**
 * Every link carrying `data-phone` in the document and its open shadow
 * roots (the extension's links and taken-over `tel:` links), with the region
 * or shadow host that holds it.
 */
export function phoneLinks(
  page: Page,
  regionSelectors: readonly string[],
  shadowHostSelectors: readonly string[],
): Promise<PhoneLinkInfo[]> {
  return page.evaluate(
    ({ regions, hosts }) => {
      const found: PhoneLinkInfo[] = [];
      const visit = (root: Document | ShadowRoot, host: Element | null): void => {
        for (const element of root.querySelectorAll<HTMLElement>('a[data-phone]')) {
          const container =
            host === null
              ? (regions.find((selector) => element.closest(selector) !== null) ?? null)
              : (hosts.find((selector) => host.matches(selector)) ?? null);
          found.push({
            e164: element.dataset.phone ?? '',
            text: element.textContent ?? '',
            created: element.matches('a.ct-phone'),
            container,
          });
        }
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) visit(element.shadowRoot, element);
        }
      };
      visit(document, null);
      return found;
    },
    { regions: [...regionSelectors], hosts: [...shadowHostSelectors] },
  );
}

/**
 * Looks each string up in the page's text (light DOM, whitespace runs read as
 * one space, so a string wrapped over source lines is still found) and counts
 * the occurrences that touch a phone link.
 */
export function nearMisses(page: Page, strings: readonly string[]): Promise<NearMiss[]> {
  return page.evaluate((list) => {
    let text = '';
    const linked: boolean[] = [];
    let afterSpace = false;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const data = (node as Text).data;
      const inLink = node.parentElement?.closest('a[data-phone]') !== null;
      for (let index = 0; index < data.length; index++) {
        const char = data.charAt(index);
        const space = /\s/.test(char);
        if (space && afterSpace) continue;
        text += space ? ' ' : char;
        linked.push(inLink);
        afterSpace = space;
      }
    }
    return list.map((needle) => {
      let found = 0;
      let touched = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
        found++;
        if (linked.slice(at, at + needle.length).some(Boolean)) touched++;
      }
      return { text: needle, found, linked: touched };
    });
  }, strings);
}
