import type { ClientMessage, ClientMessageOf, ServerMessage } from '../../../shared/protocol';
import type { HelperApi } from '../../core/helper-api';
import { errorFields, errorReply, isExposable } from './error-reply';
import type { WsLogger } from './logger';
import type { TokenBucket } from './token-bucket';

export interface RouterContext {
  api: HelperApi;
  send(message: ServerMessage): void;
  /** Aborts when the connection closes, cancelling a dial in progress. */
  signal: AbortSignal;
  dialLimiter: TokenBucket;
  logger: WsLogger;
  connectionId: number;
}

type Routed = Exclude<ClientMessage, { type: 'hello' | 'pair' | 'pair.managed' }>;

/**
 * Dispatches an authenticated connection's requests to the api and turns
 * each outcome (or failure) into the reply the protocol defines.
 */
export class RequestRouter {
  private dialInProgress = false;

  constructor(private readonly context: RouterContext) {}

  handle(message: ClientMessage): void {
    if (message.type === 'hello' || message.type === 'pair' || message.type === 'pair.managed') {
      this.context.send({
        type: 'error',
        code: 'bad-message',
        message: `"${message.type}" is only valid as the first message of a connection.`,
      });
      return;
    }
    this.context.logger.debug(
      { connection: this.context.connectionId, type: message.type },
      'request received',
    );
    this.route(message);
  }

  private route(message: Routed): void {
    const { api, send } = this.context;
    switch (message.type) {
      case 'ping':
        send({ type: 'pong', t: message.t });
        return;
      case 'dial':
        this.dial(message);
        return;
      case 'journal.query': {
        const { type: _type, ...query } = message;
        this.reply(
          message.id,
          () => api.journal(query),
          (page) => ({
            type: 'journal.page',
            id: message.id,
            entries: page.entries,
            hasMore: page.hasMore,
          }),
        );
        return;
      }
      case 'calls.query':
        send({ type: 'calls.found', id: message.id, calls: api.findCalls(message.callIds) });
        return;
      case 'missed.ack':
        this.reply(
          message.id,
          () => api.ackMissed(message.callIds),
          () => ({
            type: 'ack',
            id: message.id,
          }),
        );
        return;
      case 'call.hangup':
      case 'call.transfer':
      case 'call.transfer.complete':
      case 'call.transfer.cancel':
        this.reply(
          message.id,
          () => api.control(message),
          (outcome) => ({ type: 'call.control.result', id: message.id, ...outcome }),
        );
        return;
      case 'queue.pause':
        this.reply(
          message.id,
          () =>
            api.pauseQueues({
              paused: message.paused,
              ...(message.reason === undefined ? {} : { reason: message.reason }),
            }),
          () => ({ type: 'ack', id: message.id }),
        );
        return;
      case 'call.outcome': {
        const { type: _type, ...request } = message;
        this.reply(
          message.id,
          () => api.noteOutcome(request),
          () => ({ type: 'ack', id: message.id }),
        );
        return;
      }
      case 'demo.simulate': {
        const { type: _type, ...request } = message;
        this.reply(
          message.id,
          () => api.simulate(request),
          () => ({ type: 'ack', id: message.id }),
        );
        return;
      }
    }
  }

  private dial(message: ClientMessageOf<'dial'>): void {
    const { send, api, dialLimiter, signal } = this.context;
    if (this.dialInProgress) {
      send({
        type: 'error',
        id: message.id,
        code: 'dial-in-progress',
        message: 'A call started from this browser is still being set up; wait for its result.',
      });
      return;
    }
    if (!dialLimiter.tryTake()) {
      const seconds = Math.ceil(dialLimiter.retryAfterMs() / 1000);
      send({
        type: 'error',
        id: message.id,
        code: 'rate-limited',
        message: `Too many calls in a short time; try again in ${seconds} s.`,
      });
      return;
    }
    this.dialInProgress = true;
    const { type: _type, ...request } = message;
    const dialling = this.call(() => api.dial(request, (update) => send(update), signal));
    void dialling
      .catch((error: unknown) => this.fail(message.id, error))
      .finally(() => {
        this.dialInProgress = false;
      });
  }

  private reply<T>(
    id: string,
    start: () => Promise<T>,
    toMessage: (value: T) => ServerMessage,
  ): void {
    void this.call(start).then(
      (value) => this.context.send(toMessage(value)),
      (error: unknown) => this.fail(id, error),
    );
  }

  /** An api that throws synchronously is treated like one that rejects. */
  private call<T>(start: () => Promise<T>): Promise<T> {
    try {
      return start();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private fail(id: string, error: unknown): void {
    if (this.context.signal.aborted) return;
    if (!isExposable(error)) {
      this.context.logger.error(
        { connection: this.context.connectionId, err: errorFields(error) },
        'request failed',
      );
    }
    this.context.send(errorReply(error, id));
  }
}
