import type { BackgroundChannel } from '../../../../extension/features/background-channel';
import type { FromBackground, ToBackground } from '../../../../extension/lib/runtime-messages';

/** A background worker scripted by the test: records what it is sent, answers with `reply`. */
export class FakeChannel implements BackgroundChannel {
  readonly sent: ToBackground[] = [];
  readonly #listeners = new Set<(message: FromBackground) => void>();
  reply: (message: ToBackground) => Promise<unknown> = () => Promise.resolve(undefined);

  send(message: ToBackground): Promise<unknown> {
    this.sent.push(message);
    return this.reply(message);
  }

  listen(listener: (message: FromBackground) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  /** Delivers a message as the background would. */
  push(message: FromBackground): void {
    for (const listener of this.#listeners) listener(message);
  }

  sentOf<K extends ToBackground['kind']>(kind: K): Extract<ToBackground, { kind: K }>[] {
    return this.sent.filter(
      (message): message is Extract<ToBackground, { kind: K }> => message.kind === kind,
    );
  }
}
