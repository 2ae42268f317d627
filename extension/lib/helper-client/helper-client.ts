import {
  encodeMessage,
  parseServerMessage,
  PROTOCOL_VERSION,
  type ClientMessage,
  type HelperStatus,
  type ServerMessage,
  type ServerMessageOf,
} from '../../../shared/protocol';
import type { ConnectionState } from '../runtime-messages';
import { reconnectDelay } from './backoff';
import {
  connectionStateOf,
  linkOf,
  type Failure,
  type Greeting,
  type Link,
  type Phase,
} from './connection-phase';
import type { HelperEndpoint } from './endpoint';
import { helperUrl } from './endpoint';
import {
  HelperConnectionLostError,
  HelperNotConnectedError,
  HelperRequestError,
  PairingFailedError,
} from './errors';
import { Keepalive } from './keepalive';
import { PendingRequests, type ReplyFrame } from './pending-requests';
import {
  REPLY_TYPES,
  type DialProgress,
  type DialRequest,
  type DialResult,
  type HelperPush,
  type ReplyOf,
  type RequestOf,
  type RequestType,
} from './request-types';
import { signManagedProof } from './managed-proof';
import type { WebSocketFactory } from './socket';
import { SOCKET_OPEN } from './socket';

/** How the extension introduces itself in `hello` and `pair`. */
export interface ClientInfo {
  name: string;
  version: string;
  browser: string;
}

export interface HelperConfig {
  endpoint: HelperEndpoint;
  /** The pairing token; `null` until the extension is paired. */
  token: string | null;
  /**
   * The managed-pairing secret from browser policy: without a token, the client pairs with
   * a proof signed by it instead of waiting for a code.
   */
  managedSecret?: string | null;
}

export interface HelperClientOptions {
  createSocket: WebSocketFactory;
  client: ClientInfo;
  requestTimeoutMs?: number;
  /** Longest silence between two updates of one dial. */
  dialTimeoutMs?: number;
  greetingTimeoutMs?: number;
  keepaliveMs?: number;
  random?: () => number;
  newId?: () => string;
  log?: (message: string) => void;
  /** This extension's origin, which a managed-pairing proof is signed for. */
  origin?: string;
  /** Signs a managed-pairing proof; Web Crypto unless a test gives another. */
  signProof?: typeof signManagedProof;
  /** A token the helper issued to a managed pairing, for the caller to keep. */
  onManagedToken?: (token: string) => void;
}

export interface PairResult {
  token: string;
  status: HelperStatus;
}

/** Close codes the helper uses to refuse a connection (see its WebSocket transport). */
const CLOSE_NOT_PAIRED = 4401;
const CLOSE_UNSUPPORTED_VERSION = 4426;

interface PendingPair {
  resolve: (result: PairResult) => void;
  reject: (error: PairingFailedError) => void;
}

/**
 * The extension's one connection to its local helper: authenticates with the
 * pairing token (or redeems a pairing code), validates every frame, matches
 * replies to requests, keeps the connection alive and reconnects with capped
 * jittered backoff. It reports a `ConnectionState` and stops retrying when
 * the helper says the token or protocol version is not acceptable, until the
 * configuration changes.
 */
export class HelperClient {
  readonly #options: Required<HelperClientOptions>;
  readonly #pending: PendingRequests;
  readonly #keepalive: Keepalive;
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();
  readonly #pushListeners = new Set<(push: HelperPush) => void>();
  #config: HelperConfig | undefined;
  #phase: Phase = { name: 'idle' };
  #failure: Failure | undefined;
  #attempt = 0;
  #pair: PendingPair | undefined;
  #pairCode: string | undefined;
  #lastState: string = JSON.stringify(connectionStateOf({ name: 'idle' }, undefined));
  #closed = false;

  constructor(options: HelperClientOptions) {
    this.#options = {
      requestTimeoutMs: 15_000,
      dialTimeoutMs: 120_000,
      greetingTimeoutMs: 10_000,
      keepaliveMs: 20_000,
      random: Math.random,
      newId: () => crypto.randomUUID(),
      log: (message) => console.warn(`[helper-client] ${message}`),
      origin: globalThis.location?.origin ?? '',
      signProof: signManagedProof,
      onManagedToken: () => undefined,
      ...options,
    };
    this.#pending = new PendingRequests();
    this.#keepalive = new Keepalive(
      this.#options.keepaliveMs,
      () => this.#send({ type: 'ping', t: Date.now() }),
      () => this.#lose('The helper stopped answering.'),
    );
  }

  get connection(): ConnectionState {
    return connectionStateOf(this.#phase, this.#failure);
  }

  /**
   * Applies the helper address and token. A change reconnects at once,
   * whatever the backoff, and lifts a halt; the same values change nothing.
   */
  configure(config: HelperConfig): void {
    if (this.#closed) return;
    const previous = this.#config;
    this.#config = {
      endpoint: { ...config.endpoint },
      token: config.token,
      managedSecret: config.managedSecret ?? null,
    };
    if (
      previous !== undefined &&
      previous.token === config.token &&
      (previous.managedSecret ?? null) === (config.managedSecret ?? null) &&
      previous.endpoint.host === config.endpoint.host &&
      previous.endpoint.port === config.endpoint.port &&
      this.#phase.name !== 'idle'
    ) {
      return;
    }
    this.#restart();
  }

  /** Skips the rest of a backoff wait, e.g. when the worker wakes from an alarm. */
  retryNow(): void {
    if (this.#phase.name === 'waiting') this.#restart();
  }

  /**
   * Redeems a code shown by `courier-helper pair`. Resolves with the new token once the
   * helper accepts it; the connection then stays open as a paired session.
   */
  pair(code: string): Promise<PairResult> {
    if (this.#closed || this.#config === undefined) {
      return Promise.reject(
        new PairingFailedError('The extension is not ready yet; try again.', 'unreachable'),
      );
    }
    this.#pair?.reject(
      new PairingFailedError('A newer pairing attempt replaced this one.', 'superseded'),
    );
    return new Promise<PairResult>((resolve, reject) => {
      this.#pair = { resolve, reject };
      this.#pairCode = code;
      this.#restart();
    });
  }

  /** Sends a request that has one reply; rejects with the helper's error or a timeout. */
  request<T extends RequestType>(message: RequestOf<T>, timeoutMs?: number): Promise<ReplyOf<T>> {
    return new Promise<ReplyOf<T>>((resolve, reject) => {
      const id = this.#options.newId();
      const expected = REPLY_TYPES[message.type];
      this.#startRequest(
        { ...message, id } as ClientMessage,
        id,
        timeoutMs ?? this.#options.requestTimeoutMs,
        (reply) => {
          if (reply.type === expected) resolve(reply as ReplyOf<T>);
          else
            reject(
              new HelperRequestError(
                'internal',
                `The helper answered "${message.type}" with "${reply.type}".`,
              ),
            );
          return true;
        },
        reject,
      );
    });
  }

  /**
   * Starts a click-to-call. `onUpdate` gets each progress frame and the final
   * result; the returned promise settles with the result. Throws
   * `HelperNotConnectedError` at once when there is no connection.
   */
  dial(
    request: DialRequest,
    onUpdate: (update: DialProgress | DialResult) => void,
  ): { id: string; result: Promise<DialResult> } {
    if (this.#phase.name !== 'connected') throw new HelperNotConnectedError();
    const id = this.#options.newId();
    const result = new Promise<DialResult>((resolve, reject) => {
      this.#startRequest(
        { type: 'dial', id, ...request },
        id,
        this.#options.dialTimeoutMs,
        (reply) => {
          if (reply.type !== 'dial.progress' && reply.type !== 'dial.result') return false;
          onUpdate(reply);
          if (reply.type !== 'dial.result') return false;
          resolve(reply);
          return true;
        },
        reject,
      );
    });
    return { id, result };
  }

  onConnection(listener: (state: ConnectionState) => void, signal: AbortSignal): void {
    this.#stateListeners.add(listener);
    signal.addEventListener('abort', () => this.#stateListeners.delete(listener), { once: true });
  }

  /** `status`, `call` and `missed` frames; on connect, each call in progress arrives as a `call`. */
  onPush(listener: (push: HelperPush) => void, signal: AbortSignal): void {
    this.#pushListeners.add(listener);
    signal.addEventListener('abort', () => this.#pushListeners.delete(listener), { once: true });
  }

  /** Closes the connection for good and fails whatever is waiting. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#teardown(new HelperConnectionLostError());
    this.#failPair(
      new PairingFailedError('The extension closed the connection to the helper.', 'unreachable'),
    );
    this.#phase = { name: 'idle' };
    this.#stateListeners.clear();
    this.#pushListeners.clear();
  }

  #startRequest(
    frame: ClientMessage,
    id: string,
    timeoutMs: number,
    onReply: (reply: ReplyFrame) => boolean,
    onError: (error: Error) => void,
  ): void {
    if (this.#phase.name !== 'connected') {
      onError(new HelperNotConnectedError());
      return;
    }
    this.#pending.add(id, frame.type, timeoutMs, onReply, onError);
    this.#send(frame);
  }

  /** Drops the current link and attempt count, then connects (or halts) right away. */
  #restart(): void {
    this.#teardown(new HelperConnectionLostError());
    this.#attempt = 0;
    this.#connect();
  }

  #connect(): void {
    const config = this.#config;
    if (this.#closed || config === undefined) return;
    const greeting: Greeting | undefined =
      this.#pairCode !== undefined
        ? { kind: 'pair', code: this.#pairCode }
        : config.token !== null
          ? { kind: 'hello', token: config.token }
          : config.managedSecret
            ? { kind: 'managed', secret: config.managedSecret }
            : undefined;
    if (greeting === undefined) {
      this.#halt({ state: 'not-paired' });
      return;
    }
    let link: Link;
    try {
      link = {
        socket: this.#options.createSocket(helperUrl(config.endpoint)),
        greeting,
        listeners: new AbortController(),
      };
    } catch (error) {
      this.#failure = { reason: error instanceof Error ? error.message : String(error) };
      this.#scheduleRetry();
      return;
    }
    const { signal } = link.listeners;
    link.socket.addEventListener('open', () => this.#greet(link), { signal });
    link.socket.addEventListener('message', (event) => this.#receive(link, event), { signal });
    link.socket.addEventListener(
      'close',
      (event) => this.#onClose(link, event as Event & { code?: number; reason?: string }),
      { signal },
    );
    this.#setPhase({ name: 'opening', link });
  }

  #greet(link: Link): void {
    if (linkOf(this.#phase) !== link) return;
    const client = this.#options.client;
    const timer = setTimeout(
      () => this.#lose('The helper did not answer the greeting.'),
      this.#options.greetingTimeoutMs,
    );
    this.#setPhase({ name: 'greeting', link, timer });
    const greeting = link.greeting;
    if (greeting.kind === 'managed') {
      this.#options.signProof(greeting.secret, this.#options.origin).then(
        (proof) => {
          if (this.#phase.name !== 'greeting' || this.#phase.link !== link) return;
          this.#send({ type: 'pair.managed', v: PROTOCOL_VERSION, ...proof, client });
        },
        (error: unknown) => this.#lose(`Cannot sign the managed pairing: ${String(error)}`),
      );
      return;
    }
    const frame: ClientMessage =
      greeting.kind === 'hello'
        ? { type: 'hello', v: PROTOCOL_VERSION, token: greeting.token, client }
        : { type: 'pair', v: PROTOCOL_VERSION, code: greeting.code, client };
    this.#send(frame);
  }

  #receive(link: Link, event: Event): void {
    if (linkOf(this.#phase) !== link) return;
    const parsed = parseServerMessage((event as MessageEvent).data);
    if (!parsed.ok) {
      if (parsed.error.kind === 'unsupported-version') {
        this.#halt({ state: 'incompatible', reason: parsed.error.message });
      } else {
        this.#options.log(`Ignored a frame from the helper: ${parsed.error.message}`);
      }
      return;
    }
    this.#keepalive.heard();
    if (this.#phase.name === 'greeting') this.#onGreetingReply(this.#phase.link, parsed.message);
    else if (this.#phase.name === 'connected') this.#onSessionFrame(parsed.message);
  }

  #onGreetingReply(link: Link, message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.#connected(link, message.status);
        for (const call of message.calls) this.#emitPush({ type: 'call', call });
        return;
      case 'paired':
        if (link.greeting.kind === 'managed') {
          if (this.#config !== undefined) this.#config = { ...this.#config, token: message.token };
          this.#connected(link, message.status);
          this.#options.onManagedToken(message.token);
          return;
        }
        if (link.greeting.kind !== 'pair') return;
        this.#pairCode = undefined;
        if (this.#config !== undefined) this.#config = { ...this.#config, token: message.token };
        this.#connected(link, message.status);
        this.#resolvePair({ token: message.token, status: message.status });
        return;
      case 'error':
        this.#onGreetingError(message);
        return;
      default:
        this.#options.log(`Ignored "${message.type}" before the helper accepted the greeting.`);
    }
  }

  #onGreetingError(error: ServerMessageOf<'error'>): void {
    if (error.code === 'unsupported-version') {
      this.#halt({ state: 'incompatible', reason: error.message });
    } else if (this.#pairCode !== undefined) {
      this.#pairRefused(error.message, error.code);
    } else if (error.code === 'pairing-failed') {
      // A refused managed pairing: the policy's secret is not the helper's, which needs IT.
      this.#halt({ state: 'not-paired', reason: error.message });
    } else if (error.code === 'not-paired') {
      this.#tokenRefused();
    } else {
      this.#lose(error.message);
    }
  }

  #onSessionFrame(message: ServerMessage): void {
    switch (message.type) {
      case 'status':
        if (this.#phase.name === 'connected')
          this.#setPhase({ ...this.#phase, status: message.status });
        this.#emitPush(message);
        return;
      case 'call':
      case 'missed':
        this.#emitPush(message);
        return;
      case 'pong':
      case 'welcome':
      case 'paired':
        return;
      case 'error':
        if (message.id !== undefined && this.#pending.handle(message)) return;
        if (message.code === 'not-paired') this.#halt({ state: 'not-paired' });
        else if (message.code === 'unsupported-version') {
          this.#halt({ state: 'incompatible', reason: message.message });
        } else this.#options.log(`The helper reported: ${message.message}`);
        return;
      default:
        if (!this.#pending.handle(message)) {
          this.#options.log(`Ignored "${message.type}" for a request that is no longer waiting.`);
        }
    }
  }

  #connected(link: Link, status: HelperStatus): void {
    if (this.#phase.name === 'greeting') clearTimeout(this.#phase.timer);
    this.#attempt = 0;
    this.#failure = undefined;
    this.#setPhase({ name: 'connected', link, status });
    this.#keepalive.start();
  }

  #onClose(link: Link, event: { code?: number; reason?: string }): void {
    if (linkOf(this.#phase) !== link) return;
    if (event.code === CLOSE_UNSUPPORTED_VERSION) {
      this.#halt({
        state: 'incompatible',
        reason: event.reason || 'The helper speaks another protocol version.',
      });
    } else if (event.code === CLOSE_NOT_PAIRED && this.#pairCode !== undefined) {
      this.#pairRefused(event.reason || 'The helper refused the pairing code.');
    } else if (event.code === CLOSE_NOT_PAIRED) {
      this.#tokenRefused();
    } else {
      this.#lose(event.reason || undefined);
    }
  }

  /**
   * The helper does not know the token (revoked, or another helper's): with a policy's
   * secret the client pairs again by itself, otherwise it waits for a code.
   */
  #tokenRefused(): void {
    const config = this.#config;
    if (config?.managedSecret && config.token !== null) {
      this.#config = { ...config, token: null };
      this.#restart();
      return;
    }
    this.#halt({ state: 'not-paired' });
  }

  /** The pairing code was refused: fall back to the stored token, or wait unpaired. */
  #pairRefused(message: string, code?: ServerMessageOf<'error'>['code']): void {
    this.#pairCode = undefined;
    this.#failPair(new PairingFailedError(message, 'refused', code));
    this.#restart();
  }

  /** The connection failed or dropped: try again after a backoff delay. */
  #lose(reason: string | undefined): void {
    if (this.#pairCode !== undefined) {
      this.#pairCode = undefined;
      this.#failPair(
        new PairingFailedError(
          'The helper could not be reached to check the code: start it and try again.',
          'unreachable',
        ),
      );
    }
    this.#teardown(new HelperConnectionLostError());
    this.#failure = reason === undefined ? {} : { reason };
    this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    const delay = reconnectDelay(this.#attempt, this.#options.random);
    this.#attempt += 1;
    const timer = setTimeout(() => {
      if (this.#phase.name === 'waiting' && this.#phase.timer === timer) this.#connect();
    }, delay);
    this.#setPhase({ name: 'waiting', timer });
  }

  #halt(state: Extract<Phase, { name: 'halted' }>['state']): void {
    this.#teardown(new HelperConnectionLostError());
    if (this.#pairCode !== undefined) {
      this.#pairCode = undefined;
      this.#failPair(
        new PairingFailedError(
          state.state === 'incompatible' ? state.reason : 'The helper refused the pairing code.',
          'refused',
        ),
      );
    }
    this.#setPhase({ name: 'halted', state });
  }

  /** Detaches and closes the current socket and clears every timer of the phase. */
  #teardown(error: Error): void {
    const phase = this.#phase;
    if (phase.name === 'waiting' || phase.name === 'greeting') clearTimeout(phase.timer);
    this.#keepalive.stop();
    const link = linkOf(phase);
    if (link !== undefined) {
      link.listeners.abort();
      try {
        link.socket.close(1000);
      } catch {
        // Already closed or never opened: nothing left to release.
      }
    }
    this.#phase = { name: 'idle' };
    this.#pending.rejectAll(error);
  }

  #send(frame: ClientMessage): void {
    const link = linkOf(this.#phase);
    if (link === undefined || link.socket.readyState !== SOCKET_OPEN) return;
    try {
      link.socket.send(encodeMessage(frame));
    } catch (error) {
      this.#lose(error instanceof Error ? error.message : undefined);
    }
  }

  #setPhase(phase: Phase): void {
    this.#phase = phase;
    const state = this.connection;
    const key = JSON.stringify(state);
    if (key === this.#lastState) return;
    this.#lastState = key;
    for (const listener of [...this.#stateListeners]) listener(state);
  }

  #emitPush(push: HelperPush): void {
    for (const listener of [...this.#pushListeners]) listener(push);
  }

  #resolvePair(result: PairResult): void {
    const pair = this.#pair;
    this.#pair = undefined;
    pair?.resolve(result);
  }

  #failPair(error: PairingFailedError): void {
    const pair = this.#pair;
    this.#pair = undefined;
    pair?.reject(error);
  }
}
