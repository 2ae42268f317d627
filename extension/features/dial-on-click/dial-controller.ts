import type {
  ConnectionState,
  DialReply,
  DialSource,
  DialUpdate,
  FromBackground,
} from '../../lib/runtime-messages';
import type { DialToastState, DialToastView } from './dial-toast-state';
import type { BackgroundChannel } from '../background-channel';
import { failureForConnection, failureForRejection, stateForUpdate } from './dial-status';

/** One helper dial at a time, with its progress shown to the operator. */
export interface Dialer {
  /** Ignored (with a notice) while another dial from this tab is in progress. */
  dial(e164: string, source: DialSource): void;
  readonly busy: boolean;
  /** Shows a word about a dial that did not start, e.g. no number at the caret. */
  notice(state: Extract<DialToastState, { phase: 'no-number' }>): void;
}

export interface DialControllerOptions {
  channel: BackgroundChannel;
  /** Mounted on first use, so pages where nobody dials get no extra element. */
  view: () => Promise<DialToastView>;
  signal: AbortSignal;
  /** With no word from the helper for this long, the dial is given up. */
  silenceLimitMs?: number;
}

interface ActiveDial {
  number: string;
  /** Null until the background accepts the request. */
  requestId: string | null;
  silence: ReturnType<typeof setTimeout> | undefined;
}

/** Updates that overtake the background's reply are held this many at most. */
const EARLY_UPDATE_LIMIT = 16;

function isDialReply(value: unknown): value is DialReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { accepted?: unknown; requestId?: unknown; reason?: unknown };
  return reply.accepted === true
    ? typeof reply.requestId === 'string'
    : reply.accepted === false && typeof reply.reason === 'string';
}

/**
 * Sends one dial at a time to the background and follows it to the end:
 * ringing you → dialling → connected, or the reason it failed.
 */
export class DialController implements Dialer {
  readonly #options: DialControllerOptions;
  #active: ActiveDial | null = null;
  #connection: ConnectionState | null = null;
  #early: { requestId: string; update: DialUpdate }[] = [];
  #view: Promise<DialToastView> | null = null;

  constructor(options: DialControllerOptions) {
    this.#options = options;
    options.signal.addEventListener('abort', () => this.#finish(), { once: true });
  }

  get busy(): boolean {
    return this.#active !== null;
  }

  dial(number: string, source: DialSource): void {
    if (this.#options.signal.aborted) return;
    if (this.#active) {
      this.#show({ phase: 'already-dialling', number: this.#active.number });
      return;
    }
    const active: ActiveDial = { number, requestId: null, silence: undefined };
    this.#active = active;
    this.#show({ phase: 'working', step: 'requesting', number });
    this.#options.channel.send({ kind: 'dial', number, source }).then(
      (reply) => this.#onReply(active, reply),
      () => this.#fail(active, 'extension-unavailable'),
    );
  }

  notice(state: Extract<DialToastState, { phase: 'no-number' }>): void {
    if (!this.#active) this.#show(state);
  }

  /** Feed every message from the background here. */
  handle(message: FromBackground): void {
    if (message.kind === 'connection') {
      this.#connection = message.connection;
      const active = this.#active;
      const lost =
        message.connection.state === 'helper-down' || message.connection.state === 'not-paired';
      if (active?.requestId && lost) this.#fail(active, failureForConnection(message.connection));
      return;
    }
    if (message.kind !== 'dial-update') return;
    const active = this.#active;
    if (active?.requestId === message.requestId) {
      this.#apply(active, message.update);
    } else if (active && active.requestId === null) {
      this.#early.push({ requestId: message.requestId, update: message.update });
      if (this.#early.length > EARLY_UPDATE_LIMIT) this.#early.shift();
    }
  }

  setConnection(connection: ConnectionState): void {
    this.#connection = connection;
  }

  #onReply(active: ActiveDial, reply: unknown): void {
    if (this.#active !== active) return;
    if (!isDialReply(reply)) {
      this.#fail(active, 'extension-unavailable');
      return;
    }
    if (!reply.accepted) {
      this.#fail(active, failureForRejection(reply.reason, this.#connection));
      return;
    }
    active.requestId = reply.requestId;
    this.#armSilence(active);
    const early = this.#early.filter((entry) => entry.requestId === reply.requestId);
    this.#early = [];
    for (const entry of early) {
      if (this.#active === active) this.#apply(active, entry.update);
    }
  }

  #apply(active: ActiveDial, update: DialUpdate): void {
    const { state, final } = stateForUpdate(update, active.number);
    if (state) this.#show(state);
    if (final) this.#finish();
    else this.#armSilence(active);
  }

  #fail(
    active: ActiveDial,
    failure: Extract<DialToastState, { phase: 'failed' }>['failure'],
  ): void {
    if (this.#active !== active) return;
    this.#show({ phase: 'failed', failure, number: active.number });
    this.#finish();
  }

  #armSilence(active: ActiveDial): void {
    clearTimeout(active.silence);
    active.silence = setTimeout(
      () => this.#fail(active, 'no-response'),
      this.#options.silenceLimitMs ?? 120_000,
    );
  }

  #finish(): void {
    if (this.#active) clearTimeout(this.#active.silence);
    this.#active = null;
    this.#early = [];
  }

  #show(state: DialToastState): void {
    if (this.#options.signal.aborted) return;
    this.#view ??= this.#options.view();
    this.#view.then(
      (view) => view.show(state),
      () => undefined,
    );
  }
}
