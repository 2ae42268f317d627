import { browser } from '#imports';
import type { BackgroundRequest, ReplyFor } from '../../lib/runtime-messages';
import type { FromBackground } from '../../lib/runtime-messages';

/**
 * How the extension's pages talk to the background worker. An interface so
 * the popup and options can be rendered in tests against a scripted worker.
 */
export interface BackgroundClient {
  /** `undefined` when the worker gave no answer. */
  ask<R extends BackgroundRequest>(request: R): Promise<ReplyFor<R['kind']> | undefined>;
  listen(listener: (message: FromBackground) => void, signal: AbortSignal): void;
}

const FROM_BACKGROUND_KINDS: ReadonlySet<string> = new Set<FromBackground['kind']>([
  'dial-update',
  'call',
  'connection',
  'card-dismissed',
]);

export function runtimeBackgroundClient(): BackgroundClient {
  return {
    async ask<R extends BackgroundRequest>(request: R) {
      return (await browser.runtime.sendMessage(request)) as ReplyFor<R['kind']> | undefined;
    },
    listen(listener, signal) {
      const onMessage = (message: unknown): undefined => {
        const kind = (message as { kind?: unknown } | null)?.kind;
        if (typeof kind === 'string' && FROM_BACKGROUND_KINDS.has(kind)) {
          listener(message as FromBackground);
        }
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), {
        once: true,
      });
    },
  };
}
