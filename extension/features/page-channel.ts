import type { FromBackground, ToBackground } from '../lib/runtime-messages';
import type { BackgroundChannel } from './background-channel';

/**
 * One listener on the runtime channel, fanned out to the features. It also
 * replays what the background sent in its `tab-ready` reply as ordinary
 * messages, so features handle a late-joining tab like a live update.
 */
export class PageChannel implements BackgroundChannel {
  readonly #base: BackgroundChannel;
  readonly #listeners = new Set<(message: FromBackground) => void>();

  constructor(base: BackgroundChannel, signal: AbortSignal) {
    this.#base = base;
    base.listen((message) => this.deliver(message), signal);
    signal.addEventListener('abort', () => this.#listeners.clear(), { once: true });
  }

  send(message: ToBackground): Promise<unknown> {
    return this.#base.send(message);
  }

  listen(listener: (message: FromBackground) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  deliver(message: FromBackground): void {
    for (const listener of this.#listeners) {
      try {
        listener(message);
      } catch (error) {
        console.error('Courier Telephony: a page feature failed on a background message', error);
      }
    }
  }
}
