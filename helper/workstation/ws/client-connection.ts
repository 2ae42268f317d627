import type { RawData, WebSocket } from 'ws';
import {
  encodeMessage,
  parseClientMessage,
  ProtocolError,
  type ClientMessage,
  type ParseResult,
  type ServerMessage,
} from '../../../shared/protocol';
import type { HelperApi } from '../../core/helper-api';
import type { PairingAuthority } from '../pairing/pairing-authority';
import { CloseCode } from './close-codes';
import { errorFields, errorReply } from './error-reply';
import { frameText, requestIdOf } from './frame-text';
import { performHandshake } from './handshake';
import type { HeartbeatMonitor } from './heartbeat';
import type { WsLogger } from './logger';
import { RequestRouter } from './request-router';
import { TokenBucket, type RateLimit } from './token-bucket';

export interface ConnectionOptions {
  id: number;
  origin: string;
  api: HelperApi;
  pairing: PairingAuthority;
  logger: WsLogger;
  heartbeat: HeartbeatMonitor;
  helloTimeoutMs: number;
  dialRate: RateLimit;
  /** Malformed frames in a row after which the peer is considered broken. */
  maxBadFrames: number;
  /** Called once when the first frame is accepted and the connection serves requests. */
  onAuthenticated?: () => void;
}

type Phase = 'awaiting-hello' | 'authenticating' | 'ready' | 'closed';

/** A peer that stops reading while we keep pushing is cut off rather than buffered forever. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const CLOSE_REASONS: Record<number, string> = {
  [CloseCode.notPaired]: 'Not paired',
  [CloseCode.unsupportedVersion]: 'Unsupported protocol version',
  [CloseCode.internalError]: 'Helper error',
};
/** Frames a client may send while its `hello` is still being checked. */
const MAX_EARLY_FRAMES = 32;

/**
 * One extension connection: authenticates the first frame, then validates
 * every frame and hands requests to the router. Everything it starts (the
 * hello timer, the api subscription, a dial) ends with its AbortSignal.
 */
export class ClientConnection {
  private phase: Phase = 'awaiting-hello';
  private readonly controller = new AbortController();
  private readonly early: { data: RawData; isBinary: boolean }[] = [];
  private badFrames = 0;
  private router: RequestRouter | undefined;
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    const signal = this.controller.signal;
    this.closed = new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    socket.once('close', (code) => this.onClose(code));
    socket.on('error', (error) => this.log('warn', { err: error.message }, 'socket error'));
    options.heartbeat.watch(socket, signal);
    const helloTimer = setTimeout(() => this.onHelloTimeout(), options.helloTimeoutMs);
    signal.addEventListener('abort', () => clearTimeout(helloTimer), { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason);
  }

  terminate(): void {
    this.socket.terminate();
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.phase === 'closed') return;
    if (this.phase === 'authenticating') {
      if (this.early.push({ data, isBinary }) > MAX_EARLY_FRAMES) {
        this.close(CloseCode.badMessages, 'Too many frames before authentication');
      }
      return;
    }
    const text = isBinary ? undefined : frameText(data);
    const parsed: ParseResult<ClientMessage> =
      text === undefined ? { ok: false, error: binaryFrameError() } : parseClientMessage(text);
    if (this.phase === 'awaiting-hello') {
      this.authenticate(parsed).catch((error: unknown) => {
        this.log('error', { err: errorFields(error) }, 'connection setup failed');
        this.refuse(errorReply(error), CloseCode.internalError, 'connection setup failed');
      });
    } else {
      this.onRequest(parsed, text);
    }
  }

  private async authenticate(parsed: ParseResult<ClientMessage>): Promise<void> {
    if (!parsed.ok) {
      const unsupported = parsed.error.kind === 'unsupported-version';
      this.refuse(
        {
          type: 'error',
          code: unsupported ? 'unsupported-version' : 'not-paired',
          message: parsed.error.message,
        },
        unsupported ? CloseCode.unsupportedVersion : CloseCode.notPaired,
        `invalid first frame (${parsed.error.kind})`,
      );
      return;
    }
    this.phase = 'authenticating';
    const outcome = await performHandshake(
      parsed.message,
      this.options.api,
      this.options.pairing,
      this.options.origin,
    );
    if (this.signal.aborted) return;
    if (!outcome.ok) {
      if (outcome.error !== undefined) {
        this.log(
          'error',
          { err: errorFields(outcome.error) },
          'authentication failed unexpectedly',
        );
      }
      this.refuse(outcome.reply, CloseCode.notPaired, outcome.reason);
      return;
    }
    this.phase = 'ready';
    this.options.onAuthenticated?.();
    this.log(
      'info',
      { pairing: outcome.pairingId, client: outcome.client, via: parsed.message.type },
      'connection authenticated',
    );
    this.send(outcome.reply);
    this.router = new RequestRouter({
      api: this.options.api,
      send: (message) => this.send(message),
      signal: this.signal,
      dialLimiter: new TokenBucket(this.options.dialRate),
      logger: this.options.logger,
      connectionId: this.options.id,
    });
    this.options.api.subscribe((push) => this.send(push), this.signal);
    for (const frame of this.early.splice(0)) this.onFrame(frame.data, frame.isBinary);
  }

  private onRequest(parsed: ParseResult<ClientMessage>, text: string | undefined): void {
    if (parsed.ok) {
      this.badFrames = 0;
      this.router?.handle(parsed.message);
      return;
    }
    this.badFrames += 1;
    const reply: ServerMessage = {
      type: 'error',
      code: parsed.error.kind === 'unsupported-version' ? 'unsupported-version' : 'bad-message',
      message: parsed.error.message,
    };
    const id = parsed.error.kind === 'invalid-fields' && text ? requestIdOf(text) : undefined;
    if (id !== undefined) reply.id = id;
    this.send(reply);
    this.log('debug', { kind: parsed.error.kind, type: parsed.error.messageType }, 'bad frame');
    if (this.badFrames >= this.options.maxBadFrames) {
      this.close(CloseCode.badMessages, 'Too many malformed messages');
    }
  }

  private onHelloTimeout(): void {
    if (this.phase !== 'awaiting-hello') return;
    this.refuse(
      {
        type: 'error',
        code: 'not-paired',
        message: 'No "hello" or "pair" message arrived in time; reconnect and send one first.',
      },
      CloseCode.notPaired,
      'no hello in time',
    );
  }

  private refuse(reply: ServerMessage, code: number, reason: string): void {
    this.phase = 'closed';
    this.log('info', { reason }, 'connection refused');
    this.send(reply);
    this.close(code, CLOSE_REASONS[code] ?? 'Refused');
  }

  private send(message: ServerMessage): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.log(
        'warn',
        { buffered: this.socket.bufferedAmount },
        'peer is not reading; dropping it',
      );
      this.socket.terminate();
      return;
    }
    this.socket.send(encodeMessage(message));
  }

  private onClose(code: number): void {
    this.phase = 'closed';
    this.early.length = 0;
    this.controller.abort();
    this.log('info', { code }, 'connection closed');
  }

  private log(level: keyof WsLogger, fields: object, message: string): void {
    this.options.logger[level](
      { connection: this.options.id, origin: this.options.origin, ...fields },
      message,
    );
  }
}

function binaryFrameError(): ProtocolError {
  return new ProtocolError(
    'invalid-json',
    'Binary frames are not part of the protocol; send JSON text.',
  );
}
