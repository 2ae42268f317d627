import type { CDPSession, Page } from 'playwright-core';
import { findHost, type CdpNode } from './card-text';
import { screenshotOfBox } from './screenshot';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One of the extension's own UIs on a page (`ct-call-cards`), driven as a person would: it
 * lives in a closed shadow root that page scripts and Playwright's selectors cannot enter,
 * so elements are found through the DevTools protocol and then clicked with the real mouse
 * (trusted input, like an operator's). Every call reads the DOM afresh, as Preact re-renders.
 */
export class OwnUi {
  constructor(
    readonly page: Page,
    private readonly hostName: string,
  ) {}

  private async withNode<T>(
    selector: string,
    use: (cdp: CDPSession, nodeId: number) => Promise<T>,
  ): Promise<T> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
        root: CdpNode;
      };
      const shadow = findHost(root, this.hostName.toUpperCase())?.shadowRoots?.[0];
      if (shadow === undefined) throw new Error(`no <${this.hostName}> with a shadow root`);
      const { nodeId } = (await cdp.send('DOM.querySelector', {
        nodeId: shadow.nodeId,
        selector,
      })) as { nodeId: number };
      if (!nodeId) throw new Error(`nothing matches ${selector} in <${this.hostName}>`);
      return await use(cdp, nodeId);
    } finally {
      await cdp.detach();
    }
  }

  /** Whether something matches `selector` now. */
  async has(selector: string): Promise<boolean> {
    return this.withNode(selector, async () => true).catch(() => false);
  }

  /** Where the element is on the page, scrolled into view first. */
  box(selector: string): Promise<Box> {
    return this.withNode(selector, async (cdp, nodeId) => {
      await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as {
        model: { border: number[] };
      };
      const xs = model.border.filter((_, i) => i % 2 === 0);
      const ys = model.border.filter((_, i) => i % 2 === 1);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
    });
  }

  async attribute(selector: string, name: string): Promise<string | undefined> {
    return this.withNode(selector, async (cdp, nodeId) => {
      const { attributes } = (await cdp.send('DOM.getAttributes', { nodeId })) as {
        attributes: string[];
      };
      const at = attributes.indexOf(name);
      return at >= 0 && at % 2 === 0 ? attributes[at + 1] : undefined;
    });
  }

  /** A real mouse click in the middle of the element. */
  async click(selector: string): Promise<void> {
    const box = await this.box(selector);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Clicks a field and types at the end of what it holds, with the keyboard. */
  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  /** A PNG of just this element as `artifacts/screenshots/<name>.png`, for the guides. */
  async screenshot(selector: string, name: string): Promise<string> {
    return screenshotOfBox(this.page, await this.box(selector), name);
  }
}
