import { browser } from '#imports';
import { isBackgroundRequest, type BackgroundRequest } from '../lib/runtime-messages';
import type { SenderInfo } from './sender-policy';

export type RequestHandler = (request: BackgroundRequest, sender: SenderInfo) => Promise<unknown>;

/**
 * Answers runtime messages through `sendResponse`, which both Chromium and
 * Firefox honour for asynchronous replies. Messages that are not requests
 * (such as the background's own broadcasts) are left to other listeners.
 */
export function listenForRequests(handle: RequestHandler, signal: AbortSignal): void {
  const listener = (
    message: unknown,
    sender: SenderInfo,
    sendResponse: (reply: unknown) => void,
  ): boolean => {
    if (!isBackgroundRequest(message)) return false;
    handle(message, sender).then(sendResponse, (error: unknown) => {
      console.error('[background] request failed', error);
      sendResponse(undefined);
    });
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}
