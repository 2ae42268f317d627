import type { Frame, Page } from 'playwright-core';
import { waitUntil } from './wait-until';

/** The highlight the extension paints numbers with (`extension/features/linkify-phones/paint-style.ts`). */
export const PHONE_HIGHLIGHT = 'ct-phone';

/** One painted range as the page sees it through `CSS.highlights`. */
export interface PaintedRange {
  /** The painted characters. */
  text: string;
  /** The first of the given region selectors (light DOM) holding it, or null. */
  region: string | null;
  /** The first of the given shadow host selectors whose open shadow root holds it, or null. */
  host: string | null;
}

/** What `readPaintedRanges` needs, as one serializable argument. */
export interface PaintedRangesQuery {
  name: string;
  regions: string[];
  hosts: string[];
}

/**
 * Every range in the page's `CSS.highlights` entry of the extension, in
 * document order (shadow content in its host's place), read from the page's
 * own world: what the page could see of the paint.
 */
export function paintedRanges(
  page: Page | Frame,
  regions: readonly string[] = [],
  hosts: readonly string[] = [],
): Promise<PaintedRange[]> {
  return page.evaluate(readPaintedRanges, {
    name: PHONE_HIGHLIGHT,
    regions: [...regions],
    hosts: [...hosts],
  });
}

/** Runs in the page (Chromium through Playwright, Firefox through WebDriver BiDi). */
export function readPaintedRanges({ name, regions, hosts }: PaintedRangesQuery): PaintedRange[] {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return [];
  const ranges = [...highlight] as StaticRange[];
  const anchor = (node: Node): Node => {
    const root = node.getRootNode();
    return root instanceof ShadowRoot ? anchor(root.host) : node;
  };
  const order = (a: StaticRange, b: StaticRange): number => {
    const left = anchor(a.startContainer);
    const right = anchor(b.startContainer);
    if (left === right) return a.startOffset - b.startOffset;
    return left.compareDocumentPosition(right) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  };
  return ranges.sort(order).map((range) => {
    const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
    const root = range.startContainer.getRootNode();
    const parent = range.startContainer.parentElement;
    if (root instanceof ShadowRoot) {
      return {
        text,
        region: null,
        host: hosts.find((selector) => root.host.matches(selector)) ?? null,
      };
    }
    return {
      text,
      region: regions.find((selector) => parent?.closest(selector)) ?? null,
      host: null,
    };
  });
}

/** Waits until a painted range holds exactly `written`, e.g. `8 (916) 123-45-67`. */
export async function waitForPainted(
  page: Page | Frame,
  written: string,
  timeoutMs = 15_000,
): Promise<void> {
  await waitUntil(
    () => paintedRanges(page),
    (ranges) => ranges.some((range) => range.text === written),
    timeoutMs,
  );
}

/**
 * Viewport coordinates of the middle of the first occurrence of `written`
 * in the page's text (open shadow roots included), after scrolling it into
 * the middle of the view. Null when the text is not on the page. In a frame,
 * the coordinates are the frame's own.
 */
export function pointAtText(
  page: Page | Frame,
  written: string,
): Promise<{ x: number; y: number } | null> {
  return page.evaluate(findTextPoint, written);
}

/** Runs in the page: see `pointAtText`. */
export function findTextPoint(wanted: string): { x: number; y: number } | null {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let index = 0; index < roots.length; index++) {
    const root = roots[index]!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const shadow = (node as Element).shadowRoot;
        if (shadow) roots.push(shadow);
        continue;
      }
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** A person's click (trusted input) on the painted number written as `written`. */
export async function clickPainted(page: Page, written: string): Promise<void> {
  if (!(await pointAtText(page, written))) throw new Error(`"${written}" is not on the page`);
  await waitForPainted(page, written);
  const point = await pointAtText(page, written);
  if (!point) throw new Error(`"${written}" left the page`);
  await page.mouse.click(point.x, point.y);
}
