import { urlMatchesSites } from '../lib/site-patterns';

/** The parts of `runtime.MessageSender` the policy reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The frame's origin; for an about:blank or srcdoc frame, the one it inherited. */
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** The frame id of a tab's top frame, where its call cards live. */
export const TOP_FRAME = 0;

export type SenderKind =
  | { kind: 'extension-page' }
  | { kind: 'content-script'; tabId: number; frameId: number }
  | { kind: 'foreign' };

export interface OwnIdentity {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('/')`: every page of the extension starts with it. */
  baseUrl: string;
}

/**
 * Who sent a runtime message. Only two senders count: the extension's own
 * pages (popup, options), and its content script in a tab of a site the user
 * enabled. Web pages cannot post to this channel at all (no
 * `externally_connectable`), and anything else — another extension, a content
 * script in a tab whose site was since disabled — is foreign.
 */
export function classifySender(
  sender: SenderInfo,
  own: OwnIdentity,
  sites: readonly string[],
): SenderKind {
  if (sender.id !== own.id) return { kind: 'foreign' };
  if (sender.url?.startsWith(own.baseUrl)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { kind: 'foreign' };
  if (!urlMatchesSites(frameAddress(sender), sites) || !urlMatchesSites(sender.tab?.url, sites)) {
    return { kind: 'foreign' };
  }
  return { kind: 'content-script', tabId, frameId: sender.frameId ?? TOP_FRAME };
}

/**
 * The address a frame is judged by: its URL, or for a frame without a web URL of its own
 * (about:blank, about:srcdoc, blob:) the origin it runs in, which the browser vouches for.
 * A frame of an opaque origin (data:, a sandbox) has none and is judged foreign.
 */
function frameAddress(sender: SenderInfo): string | undefined {
  const url = sender.url ?? sender.tab?.url;
  if (url === undefined || /^https?:/i.test(url)) return url;
  return sender.origin !== undefined && sender.origin !== 'null' ? `${sender.origin}/` : undefined;
}
