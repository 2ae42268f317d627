import { vi } from 'vitest';
import type {
  BackgroundRequest,
  BackgroundReplies,
} from '../../../../extension/lib/runtime-messages';
import type { FromBackground } from '../../../../extension/lib/runtime-messages';
import type { BackgroundClient } from '../../../../extension/ui/common/background-client';

type Replies = {
  [K in keyof BackgroundReplies]?: (
    request: Extract<BackgroundRequest, { kind: K }>,
  ) => BackgroundReplies[K] | undefined;
};

/** A background worker answering from a script, and a way to push messages to the page. */
export function scriptedBackground(replies: Replies) {
  const listeners = new Set<(message: FromBackground) => void>();
  const asked: BackgroundRequest[] = [];
  const client: BackgroundClient = {
    ask: vi.fn(async (request: BackgroundRequest) => {
      asked.push(request);
      const reply = replies[request.kind] as ((r: BackgroundRequest) => unknown) | undefined;
      return reply?.(request);
    }) as BackgroundClient['ask'],
    listen(listener, signal) {
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
  return {
    client,
    asked,
    push(message: FromBackground) {
      for (const listener of [...listeners]) listener(message);
    },
  };
}
