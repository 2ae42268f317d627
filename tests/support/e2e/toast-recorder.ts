import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';

/** What the dial toast said at one moment; both empty while it is hidden. */
export interface ToastText {
  title: string;
  detail: string;
}

export interface ToastRecorder {
  /** Every text the toast showed since recording began, each different from the one before. */
  texts(): Promise<ToastText[]>;
  /** Disconnects the observer. */
  stop(): Promise<void>;
}

/** A DOM node as `DOM.getDocument` with `pierce: true` describes it. */
interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The extension's UI never came up on the page, or its shadow root was not found. */
export class ToastRecorderError extends Error {
  override readonly name = 'ToastRecorderError';
}

/**
 * Runs in the page's main world with `this` bound to the toast's shadow root:
 * keeps the toast's text in `window[key]` and adds each change as it happens.
 * Source text rather than a function, so no compiler helper ends up inside it.
 */
const INSTALL_OBSERVER = `function (key) {
  const root = this;
  const read = () => {
    const part = (selector) => (root.querySelector(selector)?.textContent ?? '').trim();
    return { title: part('.toast .title'), detail: part('.toast .detail') };
  };
  const log = [read()];
  const observer = new MutationObserver(() => {
    const now = read();
    const last = log[log.length - 1];
    if (now.title !== last.title || now.detail !== last.detail) log.push(now);
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  window[key] = { log, observer };
}`;

function findShadowRoot(node: CdpNode, hostName: string): CdpNode | undefined {
  if (node.nodeName === hostName && node.shadowRoots?.[0]) return node.shadowRoots[0];
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findShadowRoot(child, hostName);
    if (found) return found;
  }
  return undefined;
}

/**
 * Records the dial toast's text changes with a MutationObserver installed in
 * the page. The toast lives in a closed shadow root, out of reach of page
 * scripts, so the root is handed to the page's main world through the
 * DevTools protocol. The toast is mounted on the first dial of a tab: call
 * this right after the click; the first entry is the text the toast holds
 * when the observer starts.
 */
export async function recordDialToast(
  page: Page,
  hostName = 'ct-dial-toast',
  timeoutMs = 15_000,
): Promise<ToastRecorder> {
  await page.locator(hostName).waitFor({ state: 'attached', timeout: timeoutMs });
  const key = `__toastRecorder_${randomBytes(4).toString('hex')}`;
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const shadow = findShadowRoot(root, hostName.toUpperCase());
    if (!shadow) {
      throw new ToastRecorderError(`<${hostName}> has no shadow root; is the toast mounted?`);
    }
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) {
      throw new ToastRecorderError(`The shadow root of <${hostName}> could not be resolved.`);
    }
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: INSTALL_OBSERVER,
      arguments: [{ value: key }],
    });
  } finally {
    await cdp.detach();
  }
  return {
    texts: () =>
      page.evaluate(
        (name) => (window as unknown as Record<string, { log: ToastText[] }>)[name]?.log ?? [],
        key,
      ),
    stop: () =>
      page.evaluate((name) => {
        (window as unknown as Record<string, { observer: MutationObserver }>)[
          name
        ]?.observer.disconnect();
      }, key),
  };
}
