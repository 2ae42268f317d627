import { AmiActionError, AmiPermissionError, AmiTimeoutError } from './errors';
import { header, type AmiFrame } from './frame';
import { PERMISSION_DENIED_MESSAGE, requiredWriteClass } from './permissions';

export interface ListResult {
  readonly response: AmiFrame;
  /** The list's items, in order, without the closing `…Complete` event. */
  readonly events: readonly AmiFrame[];
  /** The closing event (`EventList: Complete`), with `ListItems` where Asterisk sends it. */
  readonly complete: AmiFrame | undefined;
}

export interface OriginateFrames {
  readonly response: AmiFrame;
  readonly event: AmiFrame;
}

type Kind = 'single' | 'list' | 'originate';

interface Entry {
  readonly action: string;
  readonly kind: Kind;
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
  response: AmiFrame | undefined;
  event: AmiFrame | undefined;
  readonly events: AmiFrame[];
}

/**
 * Actions sent and not yet answered, by ActionID. Each has its own deadline; frames that
 * arrive for an ActionID no longer here (answered, timed out, or of another client) are
 * reported as not consumed.
 */
export class PendingActions {
  readonly #entries = new Map<string, Entry>();

  get size(): number {
    return this.#entries.size;
  }

  has(actionId: string): boolean {
    return this.#entries.has(actionId);
  }

  /** Settles with the response frame. */
  addSingle(actionId: string, action: string, timeoutMs: number): Promise<AmiFrame> {
    return this.#add(actionId, action, 'single', timeoutMs);
  }

  /** Settles with the response and the events carrying the ActionID up to `EventList: Complete`. */
  addList(actionId: string, action: string, timeoutMs: number): Promise<ListResult> {
    return this.#add(actionId, action, 'list', timeoutMs);
  }

  /** Settles once both the response and the `OriginateResponse` event have arrived, in either order. */
  addOriginate(actionId: string, action: string, timeoutMs: number): Promise<OriginateFrames> {
    return this.#add(actionId, action, 'originate', timeoutMs);
  }

  /** Handles a `Response:` frame; returns whether it belonged to a pending action. */
  onResponse(actionId: string, frame: AmiFrame): boolean {
    const entry = this.#entries.get(actionId);
    if (entry === undefined) return false;
    const response = header(frame, 'Response') ?? '';
    if (response.toLowerCase() === 'error') {
      this.#settle(actionId, entry);
      entry.reject(responseError(entry.action, frame));
      return true;
    }
    entry.response = frame;
    if (entry.kind === 'single') {
      this.#resolve(actionId, entry, frame);
    } else if (entry.kind === 'list') {
      // A list action always opens with `EventList: start`; without it nothing follows.
      if ((header(frame, 'EventList') ?? '').toLowerCase() !== 'start') {
        this.#resolve(actionId, entry, { response: frame, events: [], complete: undefined });
      }
    } else if (entry.event !== undefined) {
      this.#resolve(actionId, entry, { response: frame, event: entry.event });
    }
    return true;
  }

  /** Handles an event frame carrying an ActionID; returns whether it was consumed. */
  onEvent(actionId: string, frame: AmiFrame): boolean {
    const entry = this.#entries.get(actionId);
    if (entry === undefined || entry.kind === 'single') return false;
    if (entry.kind === 'list') {
      if ((header(frame, 'EventList') ?? '').toLowerCase() === 'complete') {
        const result: ListResult = {
          response: entry.response ?? frame,
          events: entry.events,
          complete: frame,
        };
        this.#resolve(actionId, entry, result);
      } else {
        entry.events.push(frame);
      }
      return true;
    }
    if (header(frame, 'Event') !== 'OriginateResponse') return false;
    entry.event = frame;
    if (entry.response !== undefined) {
      this.#resolve(actionId, entry, { response: entry.response, event: frame });
    }
    return true;
  }

  /** Rejects every pending action, e.g. when the connection drops. */
  rejectAll(makeError: (action: string) => Error): void {
    const entries = [...this.#entries.values()];
    for (const entry of entries) clearTimeout(entry.timer);
    this.#entries.clear();
    for (const entry of entries) entry.reject(makeError(entry.action));
  }

  #add<T>(actionId: string, action: string, kind: Kind, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const entry = this.#entries.get(actionId);
        if (entry === undefined) return;
        this.#entries.delete(actionId);
        reject(new AmiTimeoutError(action, timeoutMs));
      }, timeoutMs);
      this.#entries.set(actionId, {
        action,
        kind,
        resolve: resolve as (value: never) => void,
        reject,
        timer,
        response: undefined,
        event: undefined,
        events: [],
      });
    });
  }

  #resolve(actionId: string, entry: Entry, value: unknown): void {
    this.#settle(actionId, entry);
    entry.resolve(value as never);
  }

  #settle(actionId: string, entry: Entry): void {
    clearTimeout(entry.timer);
    this.#entries.delete(actionId);
  }
}

function responseError(action: string, frame: AmiFrame): AmiActionError {
  const message = header(frame, 'Message') ?? 'no message';
  if (message.toLowerCase() === PERMISSION_DENIED_MESSAGE.toLowerCase()) {
    return new AmiPermissionError(action, message, requiredWriteClass(action));
  }
  return new AmiActionError(action, message);
}
