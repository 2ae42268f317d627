import type {
  CallControlFailure,
  CallView,
  ClientMessageOf,
  HelperStatus,
  ServerMessageOf,
} from '../../shared/protocol';

export type DialRequest = Omit<ClientMessageOf<'dial'>, 'type'>;
export type DialUpdate = ServerMessageOf<'dial.progress'> | ServerMessageOf<'dial.result'>;
export type JournalQuery = Omit<ClientMessageOf<'journal.query'>, 'type'>;
/** A hang-up or transfer asked from a card, naming the operator's call and extension. */
export type CallControlRequest = ClientMessageOf<
  'call.hangup' | 'call.transfer' | 'call.transfer.complete' | 'call.transfer.cancel'
>;
export type QueuePauseRequest = Omit<ClientMessageOf<'queue.pause'>, 'type' | 'id'>;
export type SimulateRequest = Omit<ClientMessageOf<'demo.simulate'>, 'type'>;
export type OutcomeRequest = Omit<ClientMessageOf<'call.outcome'>, 'type'>;

/** What the helper pushes to every paired extension without being asked. */
export type PushMessage =
  ServerMessageOf<'status'> | ServerMessageOf<'call'> | ServerMessageOf<'missed'>;

/**
 * The seam between the WebSocket transport and the rest of the helper. The
 * transport validates, authenticates and rate-limits; everything behind this
 * interface trusts its input types and never sees a socket.
 */
export interface HelperApi {
  status(): HelperStatus;
  /** Calls in progress now, for a newly connected extension. */
  activeCalls(): CallView[];
  /**
   * Starts a click-to-call. `onUpdate` receives progress in order and exactly
   * one `dial.result`; the promise settles after that result.
   */
  dial(
    request: DialRequest,
    onUpdate: (update: DialUpdate) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** How these calls stand now: in progress or ended with their result; unknown ones left out. */
  findCalls(callIds: string[]): CallView[];
  journal(query: JournalQuery): Promise<{ entries: CallView[]; hasMore: boolean }>;
  ackMissed(callIds: string[]): Promise<void>;
  /** Hangs up or transfers one of the operator's own calls in progress. */
  control(request: CallControlRequest): Promise<CallControlOutcome>;
  /** Pauses or unpauses the operator in every queue they are a member of. */
  pauseQueues(request: QueuePauseRequest): Promise<void>;
  /** Saves what the operator noted on one of their calls; resolves once it is kept. */
  noteOutcome(request: OutcomeRequest): Promise<void>;
  /** Demo mode only; throws `NotAllowedError` on a real PBX. */
  simulate(request: SimulateRequest): Promise<void>;
  /** Pushes until the signal aborts. */
  subscribe(listener: (message: PushMessage) => void, signal: AbortSignal): void;
}

export interface DialOrder {
  /** What the user clicked or typed; the dialer normalizes and validates it. */
  number: string;
  /** The operator's phone that rings first. */
  extension: string;
  requestId: string;
}

/** The click-to-call seam: AMI Originate on a real PBX, a simulation in demo mode. */
export interface Dialer {
  dial(
    order: DialOrder,
    onUpdate: (update: DialUpdate) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

/** How a hang-up or transfer went; `reason` is set whenever `ok` is false. */
export interface CallControlOutcome {
  ok: boolean;
  /** The number or extension dialled, for transfers. */
  to?: string;
  reason?: CallControlFailure;
  /** English detail for logs and the journal. */
  message?: string;
}

/** Hangs up and transfers the operator's calls; real PBX only. */
export interface CallControl {
  control(call: CallView, request: CallControlRequest): Promise<CallControlOutcome>;
}

/** Pauses the operator in their queues; real PBX only. */
export interface QueuePausing {
  pause(request: QueuePauseRequest): Promise<void>;
}

/** Plays a pretend call in demo mode. */
export interface Simulator {
  simulate(request: SimulateRequest, extension: string): Promise<void>;
}
