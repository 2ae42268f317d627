import { browser } from '#imports';
import type { FromBackground, ToBackground } from '../lib/runtime-messages';

/**
 * The content script's only line to the background worker. An interface so
 * features can be tested with a scripted background.
 */
export interface BackgroundChannel {
  send(message: ToBackground): Promise<unknown>;
  listen(listener: (message: FromBackground) => void, signal: AbortSignal): void;
}

const FROM_BACKGROUND_KINDS = new Set<string>([
  'dial-update',
  'call',
  'connection',
  'card-dismissed',
  'dial-at-caret',
]);

function isFromBackground(message: unknown): message is FromBackground {
  return (
    typeof message === 'object' &&
    message !== null &&
    FROM_BACKGROUND_KINDS.has((message as { kind?: unknown }).kind as string)
  );
}

/** `browser.runtime` messaging: only extension pages and the worker can post here, never the page. */
export function createRuntimeChannel(): BackgroundChannel {
  return {
    send: (message) => browser.runtime.sendMessage(message),
    listen(listener, signal) {
      const onMessage = (message: unknown): undefined => {
        if (isFromBackground(message)) listener(message);
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), {
        once: true,
      });
    },
  };
}
