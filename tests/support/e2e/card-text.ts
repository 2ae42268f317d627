import type { Page } from 'playwright-core';

/** A DOM node as the DevTools protocol describes it with `pierce: true`. */
export interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The first element named `name` (upper case), looking into shadow roots too. */
export function findHost(node: CdpNode, name: string): CdpNode | undefined {
  if (node.nodeName === name) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
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

/** The text of the incoming-call cards; empty when none is shown. */
export function cardText(page: Page, options?: { noBreakSpaces?: boolean }): Promise<string> {
  return shadowUiText(page, 'ct-call-cards', options);
}
