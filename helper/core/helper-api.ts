import type {
  CallView,
  ClientMessageOf,
  HelperStatus,
  ServerMessageOf,
} from '../../shared/protocol';

export type DialRequest = Omit<ClientMessageOf<'dial'>, 'type'>;
export type DialUpdate = ServerMessageOf<'dial.progress'> | ServerMessageOf<'dial.result'>;
export type JournalQuery = Omit<ClientMessageOf<'journal.query'>, 'type'>;
export type TransferRequest = Omit<ClientMessageOf<'transfer'>, 'type'>;
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
  journal(query: JournalQuery): Promise<{ entries: CallView[]; hasMore: boolean }>;
  ackMissed(callIds: string[]): Promise<void>;
  transfer(request: TransferRequest): Promise<{ ok: boolean; to?: string; message?: string }>;
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

/** Moves a call in progress to the courier or the account manager; real PBX only. */
export interface Transferrer {
  transfer(
    call: CallView,
    request: TransferRequest,
  ): Promise<{ ok: boolean; to?: string; message?: string }>;
}

/** Plays a pretend call in demo mode. */
export interface Simulator {
  simulate(request: SimulateRequest, extension: string): Promise<void>;
}
