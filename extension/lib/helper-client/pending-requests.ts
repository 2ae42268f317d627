import type { ServerMessageOf } from '../../../shared/protocol';
import { HelperRequestError, HelperTimeoutError } from './errors';

/** A reply frame: one that carries the id of the request it answers. */
export type ReplyFrame = ServerMessageOf<
  | 'dial.progress'
  | 'dial.result'
  | 'journal.page'
  | 'calls.found'
  | 'call.control.result'
  | 'ack'
  | 'error'
>;

interface Pending {
  requestType: string;
  timeoutMs: number;
  timer: ReturnType<typeof setTimeout>;
  /** Receives each reply; returns true when the request is complete. */
  onReply: (reply: ReplyFrame) => boolean;
  onError: (error: Error) => void;
}

/**
 * Requests waiting for their replies, by id. A request that streams several
 * replies (a dial) has its deadline renewed by each one, so a long call only
 * times out when the helper falls silent.
 */
export class PendingRequests {
  readonly #pending = new Map<string, Pending>();

  add(
    id: string,
    requestType: string,
    timeoutMs: number,
    onReply: (reply: ReplyFrame) => boolean,
    onError: (error: Error) => void,
  ): void {
    const entry: Pending = {
      requestType,
      timeoutMs,
      onReply,
      onError,
      timer: this.#startTimer(id, requestType, timeoutMs),
    };
    this.#pending.set(id, entry);
  }

  /** Routes a frame to its request; false when no request waits for it. */
  handle(reply: ReplyFrame): boolean {
    const id = reply.id;
    const entry = id === undefined ? undefined : this.#pending.get(id);
    if (id === undefined || entry === undefined) return false;
    clearTimeout(entry.timer);
    if (reply.type === 'error') {
      this.#pending.delete(id);
      entry.onError(new HelperRequestError(reply.code, reply.message));
      return true;
    }
    if (entry.onReply(reply)) {
      this.#pending.delete(id);
    } else {
      entry.timer = this.#startTimer(id, entry.requestType, entry.timeoutMs);
    }
    return true;
  }

  /** Fails every waiting request, e.g. when the connection drops. */
  rejectAll(error: Error): void {
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of entries) {
      clearTimeout(entry.timer);
      entry.onError(error);
    }
  }

  get size(): number {
    return this.#pending.size;
  }

  #startTimer(id: string, requestType: string, timeoutMs: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      const entry = this.#pending.get(id);
      if (entry === undefined) return;
      this.#pending.delete(id);
      entry.onError(new HelperTimeoutError(requestType, timeoutMs));
    }, timeoutMs);
  }
}
