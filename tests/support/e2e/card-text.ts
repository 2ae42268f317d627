import type { Page } from 'playwright-core';
import { waitUntil } from './wait-until';

/** A DOM node as the DevTools protocol describes it with `pierce: true`. */
export interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  /** The document of an `<iframe>` in the same process (same site). */
  contentDocument?: CdpNode;
}

/** The first element named `name` (upper case), looking into shadow roots and frames too. */
export function findHost(node: CdpNode, name: string): CdpNode | undefined {
  if (node.nodeName === name) return node;
  const frame = node.contentDocument === undefined ? [] : [node.contentDocument];
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? []), ...frame]) {
    const found = findHost(child, name);
    if (found) return found;
  }
  return undefined;
}

function textOf(node: CdpNode): string {
  if (node.nodeType === 3) return node.nodeValue;
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
}

/**
 * The text inside one of the extension's own UI hosts on a page (`ct-call-cards`,
 * `ct-dial-toast`). They live in closed shadow roots that page scripts (and
 * Playwright's selectors) cannot enter, so the DOM is read through the
 * DevTools protocol, which sees it. Empty when the host is absent.
 */
export async function shadowUiText(
  page: Page,
  hostName: string,
  { noBreakSpaces = false }: { noBreakSpaces?: boolean } = {},
): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const host = findHost(root, hostName.toUpperCase());
    // `\s` also folds U+00A0; the rendered no-break spaces are kept when asked.
    const spaces = noBreakSpaces ? /[ \t\r\n]+/g : /\s+/g;
    return host === undefined ? '' : textOf(host).replace(spaces, ' ').trim();
  } finally {
    await cdp.detach();
  }
}

/** Waits for the dial toast (in the page or any of its frames) to say `shown` could not be called; its text. */
export function failedDialToast(page: Page, shown: string): Promise<string> {
  return waitUntil(
    () => shadowUiText(page, 'ct-dial-toast'),
    (text) => text.includes(`Could not call ${shown}`),
    15_000,
  );
}

/** The text of the incoming-call cards; empty when none is shown. */
export function cardText(page: Page, options?: { noBreakSpaces?: boolean }): Promise<string> {
  return shadowUiText(page, 'ct-call-cards', options);
}

function findAll(node: CdpNode, match: (node: CdpNode) => boolean, out: CdpNode[] = []): CdpNode[] {
  if (match(node)) out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    findAll(child, match, out);
  }
  return out;
}

/** The box on the screen of the first element of the cards that `match` accepts. */
async function boxInCards(
  page: Page,
  match: (node: CdpNode) => boolean,
  what: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const host = findHost(root, 'CT-CALL-CARDS');
    const [target] = host ? findAll(host, match) : [];
    if (!target) throw new Error(`no ${what} in the cards: ${host ? textOf(host) : 'no cards'}`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId: target.nodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: target.nodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

async function centerInCards(
  page: Page,
  match: (node: CdpNode) => boolean,
  what: string,
): Promise<{ x: number; y: number }> {
  const box = await boxInCards(page, match, what);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where the newest call's card is on the screen, for a picture of it alone. */
export function newestCardBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return boxInCards(page, (node) => node.nodeName === 'ARTICLE', 'card');
}

/**
 * Clicks, as a person does (real mouse input at its place on the screen), the first button
 * in the cards whose text holds `label`: the closed shadow root is read through the
 * DevTools protocol, the click goes through the browser's own input.
 */
export async function clickInCards(page: Page, label: string): Promise<void> {
  const point = await centerInCards(
    page,
    (node) => node.nodeName === 'BUTTON' && textOf(node).includes(label),
    `button "${label}"`,
  );
  await page.mouse.click(point.x, point.y);
}

/** Clicks the cards' field with this placeholder, as a person would, and types into it. */
export async function typeInCards(page: Page, placeholder: string, text: string): Promise<void> {
  const point = await centerInCards(
    page,
    (node) => {
      const attributes = node.attributes ?? [];
      const at = attributes.indexOf('placeholder');
      return node.nodeName === 'INPUT' && at >= 0 && attributes[at + 1] === placeholder;
    },
    `field "${placeholder}"`,
  );
  await page.mouse.click(point.x, point.y);
  await page.keyboard.type(text);
}
