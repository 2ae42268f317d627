import { ActionIdSource } from './action-id';
import { channelSnapshotOf, type ChannelSnapshot } from './channel-snapshot';
import { encodeAction, type AmiFields } from './encode';
import {
  AmiActionError,
  AmiClosedError,
  AmiDisconnectedError,
  AmiLoginError,
  AmiProtocolError,
  AmiTimeoutError,
  AmiValueError,
} from './errors';
import { actionIdOf, header, type AmiFrame } from './frame';
import { errorSummary } from './logger';
import {
  originateFields,
  originateResultOf,
  type OriginateRequest,
  type OriginateResult,
} from './originate';
import {
  resolveAmiClientOptions,
  type AmiClientOptions,
  type ResolvedAmiClientOptions,
} from './options';
import { AmiParser } from './parser';
import { PendingActions, type ListResult, type OriginateFrames } from './pending-actions';
import { INITIAL_RECONNECT_STATE, nextReconnectDelay, type ReconnectState } from './reconnect';
import { assertTransition, type AmiState, type AmiStateChange } from './state';
import type { AmiConnection } from './transport';
import { TypedEmitter, type ListenOptions } from './typed-emitter';

export interface AmiResponse {
  /** `Success`, `Goodbye`, `Follows`, … (errors reject instead). */
  readonly response: string;
  readonly message: string | undefined;
  readonly actionId: string;
  readonly frame: AmiFrame;
}

export interface AmiListResponse {
  readonly response: AmiResponse;
  readonly events: readonly AmiFrame[];
  readonly complete: AmiFrame | undefined;
}

export interface AmiReadyInfo {
  /** True after a reconnect: calls may have started or ended meanwhile, so resync. */
  readonly reconnected: boolean;
}

export interface AmiClientEvents {
  /** Every event not consumed by a pending action (list items, OriginateResponse). */
  event: (frame: AmiFrame) => void;
  state: (change: AmiStateChange) => void;
  ready: (info: AmiReadyInfo) => void;
}

export interface AmiActionOptions {
  readonly timeoutMs?: number;
}

const MANAGED_ACTIONS = new Set(['login', 'logoff', 'challenge']);
const LOGOFF_TIMEOUT_MS = 2_000;

/**
 * One long-lived, authenticated AMI session.
 *
 * - start() connects and logs in. It resolves when ready; while the PBX cannot be reached it
 *   keeps retrying (state `reconnecting`) and stays pending; a refused login rejects with
 *   AmiLoginError and moves to `auth-failed`, where the client does NOT retry by itself: a
 *   wrong secret does not heal, and repeated failed logins can get the workstation banned by
 *   the PBX's intrusion protection. Calling start() again makes one new attempt.
 * - Every action gets its own ActionID and deadline; when the connection drops, every
 *   pending action is rejected with AmiDisconnectedError, and actions are refused (not
 *   queued) until the client is ready again: a click-to-call must not ring minutes later.
 * - Lost connections are retried with capped, jittered backoff; a `Ping` without answer
 *   marks a half-open socket, which is destroyed and reconnected.
 * - After every login `ready` fires with `{ reconnected }` so call state can be resynced
 *   with coreShowChannels().
 * - The secret and the Login frame are never logged.
 */
export class AmiClient {
  readonly #options: ResolvedAmiClientOptions;
  readonly #emitter: TypedEmitter<AmiClientEvents>;
  readonly #ids: ActionIdSource;
  readonly #pending = new PendingActions();
  #state: AmiState = 'idle';
  #connection: AmiConnection | undefined;
  #parser = new AmiParser();
  /** Bumped whenever a connection is given up, so its late callbacks are ignored. */
  #generation = 0;
  #connectAbort: AbortController | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #keepaliveTimer: NodeJS.Timeout | undefined;
  #backoff: ReconnectState = INITIAL_RECONNECT_STATE;
  #everReady = false;
  #closing = false;
  #closed: Promise<void> | undefined;
  #startWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  #started: Promise<void> | undefined;
  readonly #onAbort = (): void => void this.close();

  constructor(options: AmiClientOptions) {
    this.#options = resolveAmiClientOptions(options);
    this.#ids = new ActionIdSource(this.#options.actionIdPrefix);
    this.#emitter = new TypedEmitter((error, event) =>
      this.#options.logger.error({ event, ...errorSummary(error) }, 'AMI listener threw'),
    );
    const { signal } = this.#options;
    if (signal?.aborted) {
      this.#closing = true;
      this.#state = 'closed';
    } else {
      signal?.addEventListener('abort', this.#onAbort, { once: true });
    }
  }

  get state(): AmiState {
    return this.#state;
  }

  /** The AMI version from the greeting of the current connection, once received. */
  get amiVersion(): string | undefined {
    return this.#parser.greeting;
  }

  on<K extends keyof AmiClientEvents>(
    event: K,
    listener: AmiClientEvents[K],
    options?: ListenOptions,
  ): () => void {
    return this.#emitter.on(event, listener, options);
  }

  start(): Promise<void> {
    if (this.#closing) return Promise.reject(new AmiClosedError('start'));
    if (this.#state === 'ready') return Promise.resolve();
    if (this.#started !== undefined) return this.#started;
    this.#started = new Promise<void>((resolve, reject) => {
      this.#startWaiters.push({ resolve, reject });
    });
    if (this.#state === 'idle' || this.#state === 'auth-failed') {
      this.#backoff = INITIAL_RECONNECT_STATE;
      void this.#connect();
    }
    return this.#started;
  }

  /** Sends an action and resolves with its response; `Response: Error` rejects. */
  async action(
    name: string,
    fields: AmiFields = {},
    options: AmiActionOptions = {},
  ): Promise<AmiResponse> {
    refuseManaged(name);
    const frame = await this.#send(
      name,
      fields,
      options.timeoutMs ?? this.#options.actionTimeoutMs,
      (id, action, timeoutMs) => this.#pending.addSingle(id, action, timeoutMs),
    );
    return toResponse(frame);
  }

  /** Sends a list action and collects the events carrying its ActionID until `EventList: Complete`. */
  async actionList(
    name: string,
    fields: AmiFields = {},
    options: AmiActionOptions = {},
  ): Promise<AmiListResponse> {
    refuseManaged(name);
    const result: ListResult = await this.#send(
      name,
      fields,
      options.timeoutMs ?? this.#options.actionTimeoutMs,
      (id, action, timeoutMs) => this.#pending.addList(id, action, timeoutMs),
    );
    return {
      response: toResponse(result.response),
      events: result.events,
      complete: result.complete,
    };
  }

  /**
   * Originates asynchronously and resolves with the outcome from the `OriginateResponse`
   * event. Every value is validated first; a refused value throws AmiValueError and nothing
   * is written. A `Response: Error` (no such context, permission) rejects with AmiActionError.
   */
  async originate(request: OriginateRequest): Promise<OriginateResult> {
    const fields = originateFields(request);
    const frames: OriginateFrames = await this.#send(
      'Originate',
      fields,
      request.timeoutMs + this.#options.actionTimeoutMs,
      (id, action, timeoutMs) => this.#pending.addOriginate(id, action, timeoutMs),
    );
    return originateResultOf(frames.event);
  }

  /** Channels in progress now (`CoreShowChannels`), for resync after a reconnect. */
  async coreShowChannels(options: AmiActionOptions = {}): Promise<ChannelSnapshot[]> {
    const { events } = await this.actionList('CoreShowChannels', {}, options);
    const snapshots: ChannelSnapshot[] = [];
    for (const event of events) {
      const snapshot = channelSnapshotOf(event);
      if (snapshot !== undefined) snapshots.push(snapshot);
    }
    return snapshots;
  }

  /** Logs off if connected, stops all timers, rejects what is pending; never reconnects. */
  close(): Promise<void> {
    if (this.#closed !== undefined) return this.#closed;
    if (this.#state === 'closed') return Promise.resolve();
    this.#closing = true;
    this.#closed = this.#shutdown();
    return this.#closed;
  }

  async #shutdown(): Promise<void> {
    this.#options.signal?.removeEventListener('abort', this.#onAbort);
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#keepaliveTimer);
    this.#reconnectTimer = undefined;
    this.#keepaliveTimer = undefined;
    this.#connectAbort?.abort();
    if (this.#state === 'ready' && this.#connection !== undefined) {
      try {
        await this.#send(
          'Logoff',
          {},
          Math.min(this.#options.actionTimeoutMs, LOGOFF_TIMEOUT_MS),
          (id, action, timeoutMs) => this.#pending.addSingle(id, action, timeoutMs),
        );
      } catch (error) {
        this.#options.logger.debug(errorSummary(error), 'AMI Logoff not acknowledged');
      }
    }
    this.#abandonConnection('the client was closed');
    this.#setState('closed');
    this.#settleStart(new AmiClosedError('start'));
    this.#emitter.removeAll();
  }

  async #connect(): Promise<void> {
    if (this.#closing) return;
    this.#setState('connecting');
    // A `state` listener may have closed the client.
    if (this.#closing) return;
    const generation = ++this.#generation;
    const abort = new AbortController();
    this.#connectAbort = abort;
    this.#parser = new AmiParser();
    const { host, port } = this.#options;
    let connection: AmiConnection;
    try {
      connection = await this.#options.transport.connect(
        { host, port },
        {
          onData: (chunk) => {
            if (generation === this.#generation) this.#onData(chunk, generation);
          },
          onClose: (error) => {
            if (generation === this.#generation) this.#onConnectionLost(error);
          },
        },
        abort.signal,
      );
    } catch (error) {
      if (generation === this.#generation && !this.#closing) {
        this.#scheduleReconnect(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    } finally {
      if (this.#connectAbort === abort) this.#connectAbort = undefined;
    }
    if (generation !== this.#generation || this.#closing) {
      connection.destroy();
      return;
    }
    this.#connection = connection;
    this.#setState('authenticating');
    await this.#login(generation);
  }

  async #login(generation: number): Promise<void> {
    const { secret, eventMask, actionTimeoutMs } = this.#options;
    let username: string;
    try {
      username = this.#options.username();
    } catch (error) {
      // No name to log in with: retrying cannot help until the caller changes it.
      this.#authFailed(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    try {
      await this.#send(
        'Login',
        { Username: username, Secret: secret, Events: eventMask },
        actionTimeoutMs,
        (id, action, timeoutMs) => this.#pending.addSingle(id, action, timeoutMs),
      );
    } catch (error) {
      if (generation !== this.#generation || this.#closing) return;
      if (error instanceof AmiActionError) {
        this.#authFailed(new AmiLoginError(username, error.serverMessage));
      } else if (error instanceof AmiValueError) {
        // A secret or user with a line break can never log in; retrying cannot help.
        this.#authFailed(error);
      } else if (error instanceof AmiTimeoutError && this.#parser.greeting === undefined) {
        // Something answered the TCP connection, but it is not AMI: say so, keep retrying.
        this.#dropConnection(new AmiProtocolError('no "Asterisk Call Manager" greeting arrived'));
      } else {
        this.#dropConnection(error instanceof Error ? error : new Error(String(error)));
      }
      return;
    }
    if (generation !== this.#generation || this.#closing) return;
    this.#backoff = INITIAL_RECONNECT_STATE;
    const reconnected = this.#everReady;
    this.#everReady = true;
    // The name is read per login; the log says which account each login used.
    this.#options.logger.info({ user: username, reconnected }, 'AMI logged in');
    this.#setState('ready');
    this.#scheduleKeepalive(generation);
    this.#settleStart();
    this.#emitter.emit('ready', { reconnected });
  }

  #authFailed(error: Error): void {
    this.#abandonConnection('the login was refused');
    this.#setState('auth-failed', { error });
    this.#settleStart(error);
  }

  #send<T>(
    name: string,
    fields: AmiFields,
    timeoutMs: number,
    register: (actionId: string, action: string, timeoutMs: number) => Promise<T>,
  ): Promise<T> {
    const actionId = this.#ids.next();
    // Encoding validates every key and value, so a refused action is never half-written.
    const bytes = encodeAction(name, actionId, fields);
    const connection = this.#connection;
    const usable =
      connection !== undefined &&
      (this.#state === 'ready' || (this.#state === 'authenticating' && name === 'Login'));
    if (!usable) {
      return Promise.reject(new AmiDisconnectedError(name, `the client is ${this.#state}`));
    }
    const settled = register(actionId, name, timeoutMs);
    connection.write(bytes);
    if (name !== 'Login') this.#options.logger.debug({ action: name, actionId }, 'AMI action sent');
    return settled;
  }

  #onData(chunk: Buffer, generation: number): void {
    let frames: AmiFrame[];
    try {
      frames = this.#parser.feed(chunk);
    } catch (error) {
      this.#options.logger.error(errorSummary(error), 'AMI stream unreadable; reconnecting');
      this.#dropConnection(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const frame of frames) {
      // A listener may close the client or the connection while this chunk is dispatched.
      if (generation !== this.#generation) return;
      this.#dispatch(frame);
    }
  }

  #dispatch(frame: AmiFrame): void {
    if (frame['Event'] !== undefined) {
      const actionId = actionIdOf(frame);
      if (actionId !== undefined && this.#pending.onEvent(actionId, frame)) return;
      this.#emitter.emit('event', frame);
      return;
    }
    const actionId = actionIdOf(frame);
    if (actionId !== undefined && this.#pending.onResponse(actionId, frame)) return;
    this.#options.logger.debug({ actionId }, 'AMI response matches no pending action');
  }

  #onConnectionLost(error: Error | undefined): void {
    const wasActive = this.#state === 'ready' || this.#state === 'authenticating';
    this.#abandonConnection('the connection to the PBX was lost');
    if (wasActive && !this.#closing) {
      this.#scheduleReconnect(error ?? new Error('the PBX closed the AMI connection'));
    }
  }

  /** Gives up the current connection (closing it) and rejects every pending action. */
  #abandonConnection(reason: string): void {
    this.#generation += 1;
    clearTimeout(this.#keepaliveTimer);
    this.#keepaliveTimer = undefined;
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.destroy();
    this.#pending.rejectAll((action) => new AmiDisconnectedError(action, reason));
  }

  #dropConnection(error: Error): void {
    this.#abandonConnection(error.message);
    if (!this.#closing) this.#scheduleReconnect(error);
  }

  #scheduleReconnect(error: Error): void {
    const { delayMs, state } = nextReconnectDelay(
      this.#backoff,
      this.#options.reconnect,
      this.#options.random,
    );
    this.#backoff = state;
    this.#setState('reconnecting', { error, delayMs, attempt: state.attempt });
    if (this.#closing) return;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#connect();
    }, delayMs);
  }

  #scheduleKeepalive(generation: number): void {
    if (this.#closing) return;
    const { keepaliveIntervalMs, keepaliveTimeoutMs } = this.#options;
    this.#keepaliveTimer = setTimeout(() => {
      this.#keepaliveTimer = undefined;
      this.#send('Ping', {}, keepaliveTimeoutMs, (id, action, timeoutMs) =>
        this.#pending.addSingle(id, action, timeoutMs),
      ).then(
        () => {
          if (generation === this.#generation && !this.#closing) {
            this.#scheduleKeepalive(generation);
          }
        },
        (error: unknown) => {
          if (generation !== this.#generation || this.#closing) return;
          if (error instanceof AmiTimeoutError) {
            this.#options.logger.warn(
              { keepaliveTimeoutMs },
              'AMI Ping unanswered; treating the socket as half-open',
            );
            this.#dropConnection(
              new AmiDisconnectedError('Ping', `no answer to Ping within ${keepaliveTimeoutMs} ms`),
            );
          } else {
            this.#scheduleKeepalive(generation);
          }
        },
      );
    }, keepaliveIntervalMs);
  }

  #setState(to: AmiState, details: Omit<AmiStateChange, 'from' | 'to'> = {}): void {
    const from = this.#state;
    assertTransition(from, to);
    this.#state = to;
    const log = { from, to, delayMs: details.delayMs, attempt: details.attempt };
    if (details.error !== undefined) {
      this.#options.logger.warn({ ...log, ...errorSummary(details.error) }, 'AMI state changed');
    } else {
      this.#options.logger.info(log, 'AMI state changed');
    }
    this.#emitter.emit('state', { from, to, ...details });
  }

  #settleStart(error?: Error): void {
    const waiters = this.#startWaiters;
    this.#startWaiters = [];
    this.#started = undefined;
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }
}

function refuseManaged(name: string): void {
  if (MANAGED_ACTIONS.has(name.toLowerCase())) {
    throw new AmiValueError('Action', `${name} is managed by the client; use start() and close()`);
  }
}

function toResponse(frame: AmiFrame): AmiResponse {
  return {
    response: header(frame, 'Response') ?? '',
    message: header(frame, 'Message'),
    actionId: actionIdOf(frame) ?? '',
    frame,
  };
}
