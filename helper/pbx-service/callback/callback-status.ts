import type { CallResult } from '../../../shared/protocol';
import type { OriginateFailureReason } from '../../ami/originate';

/**
 * `calling-courier` → `courier-answered` (the recipient is being called) → `ended`; or
 * `courier-unreachable` when the courier's mobile did not answer.
 */
export type CallbackState =
  'calling-courier' | 'courier-answered' | 'courier-unreachable' | 'ended';

export interface CallbackStatus {
  readonly id: string;
  readonly state: CallbackState;
  readonly orderCode: string;
  /** Why the courier's leg failed, in `courier-unreachable`. */
  readonly courierFailure?: OriginateFailureReason;
  /** The recipient's leg, once `ended`. */
  readonly result?: CallResult;
  readonly updatedAt: number;
}

/** Recent callbacks' progress by id, for whoever asked for them; bounded, oldest forgotten. */
export class CallbackStatusBoard {
  readonly #statuses = new Map<string, CallbackStatus>();

  constructor(
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): CallbackStatus | undefined {
    return this.#statuses.get(id);
  }

  begin(id: string, orderCode: string): CallbackStatus {
    return this.#set({ id, state: 'calling-courier', orderCode, updatedAt: this.now() });
  }

  courierAnswered(id: string): void {
    this.#update(id, { state: 'courier-answered' });
  }

  courierUnreachable(id: string, failure: OriginateFailureReason): void {
    this.#update(id, { state: 'courier-unreachable', courierFailure: failure });
  }

  ended(id: string, result: CallResult): void {
    this.#update(id, { state: 'ended', result });
  }

  #update(id: string, change: Partial<CallbackStatus>): void {
    const current = this.#statuses.get(id);
    if (current !== undefined) this.#set({ ...current, ...change, updatedAt: this.now() });
  }

  #set(status: CallbackStatus): CallbackStatus {
    this.#statuses.delete(status.id);
    this.#statuses.set(status.id, status);
    for (const id of this.#statuses.keys()) {
      if (this.#statuses.size <= this.maxEntries) break;
      this.#statuses.delete(id);
    }
    return status;
  }
}
