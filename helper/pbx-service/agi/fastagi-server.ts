import { createServer, type Server, type Socket } from 'node:net';
import { AgiConfigError } from '../../config/peer-allow-list';
import { AgiUnknownScriptError } from './errors';
import { errorSummary, silentLogger, type ServiceLogger } from './logger';
import type { PeerAllowList } from '../../config/peer-allow-list';
import { AgiSession } from './session';
import { AgiStreamParser } from './stream-parser';

/**
 * Runs one AGI script on one channel. `signal` aborts when the session's deadline passes,
 * the PBX goes away or the server closes; the handler must stop waiting then.
 */
export type AgiHandler = (session: AgiSession, signal: AbortSignal) => Promise<void>;

export interface FastAgiServerOptions {
  /** Address to listen on, e.g. `0.0.0.0` or the server's LAN address. */
  readonly host: string;
  /** TCP port; 0 picks a free one (tests). FastAGI's customary port is 4573. */
  readonly port: number;
  readonly allowList: PeerAllowList;
  /** Handlers by script name: `agi://host:port/<name>`. */
  readonly handlers: Readonly<Record<string, AgiHandler>>;
  /** The `agi_*` block must arrive within this after connecting. Default 2 s. */
  readonly environmentTimeoutMs?: number;
  /** Deadline for the PBX's answer to each command. Default 2 s. */
  readonly commandTimeoutMs?: number;
  /** A whole session may not last longer. Default 10 s. */
  readonly sessionTimeoutMs?: number;
  /** Sessions at once; more are closed at once, so the dialplan takes its fallback. */
  readonly maxSessions?: number;
  readonly logger?: ServiceLogger;
  /** Aborting closes the server and every session. */
  readonly signal?: AbortSignal;
}

interface Resolved {
  readonly environmentTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly sessionTimeoutMs: number;
  readonly maxSessions: number;
  readonly logger: ServiceLogger;
}

function positive(option: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0 || value > 600_000) {
    throw new AgiConfigError(option, 'must be a whole number of milliseconds from 1 to 600000');
  }
  return value;
}

/**
 * A FastAGI server: Asterisk connects once per `AGI(agi://…)` call, sends the channel's
 * environment and then takes commands until the connection closes. Connections from
 * addresses outside the allow-list are closed before anything is read.
 */
export class FastAgiServer {
  readonly #server: Server;
  readonly #options: FastAgiServerOptions;
  readonly #resolved: Resolved;
  readonly #sockets = new Set<Socket>();
  readonly #closing = new AbortController();
  #closed: Promise<void> | undefined;
  readonly #onAbort = (): void => void this.close();

  private constructor(options: FastAgiServerOptions) {
    this.#options = options;
    this.#resolved = {
      environmentTimeoutMs: positive('environmentTimeoutMs', options.environmentTimeoutMs ?? 2_000),
      commandTimeoutMs: positive('commandTimeoutMs', options.commandTimeoutMs ?? 2_000),
      sessionTimeoutMs: positive('sessionTimeoutMs', options.sessionTimeoutMs ?? 10_000),
      maxSessions: positive('maxSessions', options.maxSessions ?? 256),
      logger: options.logger ?? silentLogger,
    };
    this.#server = createServer({ noDelay: true }, (socket) => this.#accept(socket));
  }

  /** Starts listening; rejects when the address cannot be bound. */
  static async listen(options: FastAgiServerOptions): Promise<FastAgiServer> {
    const server = new FastAgiServer(options);
    await new Promise<void>((resolve, reject) => {
      server.#server.once('error', reject);
      server.#server.listen({ host: options.host, port: options.port, exclusive: true }, () => {
        server.#server.off('error', reject);
        resolve();
      });
    });
    server.#server.on('error', (error) =>
      server.#resolved.logger.error(errorSummary(error), 'FastAGI server error'),
    );
    const { signal } = options;
    if (signal?.aborted) await server.close();
    else signal?.addEventListener('abort', server.#onAbort, { once: true });
    return server;
  }

  get port(): number {
    const address = this.#server.address();
    return typeof address === 'object' && address !== null ? address.port : this.#options.port;
  }

  get host(): string {
    return this.#options.host;
  }

  /** Sessions open now. */
  get sessions(): number {
    return this.#sockets.size;
  }

  /** Stops accepting, aborts every session and resolves once the port is free. */
  close(): Promise<void> {
    this.#closed ??= new Promise<void>((resolve) => {
      this.#options.signal?.removeEventListener('abort', this.#onAbort);
      this.#closing.abort();
      this.#server.close(() => resolve());
      for (const socket of this.#sockets) socket.destroy();
    });
    return this.#closed;
  }

  #accept(socket: Socket): void {
    const { logger, maxSessions } = this.#resolved;
    const remote = socket.remoteAddress;
    if (!this.#options.allowList.allows(remote)) {
      logger.warn(
        { remote },
        'FastAGI connection from an address not in server.agiAllowedPeers closed',
      );
      socket.destroy();
      return;
    }
    if (this.#sockets.size >= maxSessions || this.#closing.signal.aborted) {
      logger.warn(
        { remote, sessions: this.#sockets.size },
        'FastAGI session refused: too many at once',
      );
      socket.destroy();
      return;
    }
    this.#sockets.add(socket);
    socket.setNoDelay(true);
    this.#run(socket, remote ?? '');
  }

  #run(socket: Socket, remote: string): void {
    const { logger, environmentTimeoutMs, sessionTimeoutMs, commandTimeoutMs } = this.#resolved;
    const parser = new AgiStreamParser();
    const lifetime = new AbortController();
    const stop = (): void => lifetime.abort();
    this.#closing.signal.addEventListener('abort', stop, { once: true });
    let session: AgiSession | undefined;
    const environmentTimer = setTimeout(() => {
      logger.warn({ remote }, 'FastAGI peer sent no agi_* block in time; closed');
      socket.destroy();
    }, environmentTimeoutMs);
    const sessionTimer = setTimeout(() => {
      stop();
      // Whatever the script still waits for, the channel goes back to its dialplan now.
      if (session === undefined) socket.destroy();
      else session.end();
    }, sessionTimeoutMs);

    socket.on('data', (chunk: Buffer) => {
      let events;
      try {
        events = parser.feed(chunk);
      } catch (error) {
        logger.warn({ remote, ...errorSummary(error) }, 'FastAGI stream unreadable; closed');
        socket.destroy();
        return;
      }
      for (const event of events) {
        if (event.type === 'environment') {
          clearTimeout(environmentTimer);
          session = new AgiSession(
            event.environment,
            { remoteAddress: remote, write: (text) => socket.write(text), end: () => socket.end() },
            { commandTimeoutMs },
          );
          void this.#dispatch(session, lifetime.signal);
        } else if (event.type === 'reply') {
          session?.receiveReply(event.reply);
        } else {
          session?.receiveHangup();
        }
      }
    });
    socket.on('error', (error) =>
      logger.debug({ remote, ...errorSummary(error) }, 'FastAGI socket error'),
    );
    socket.on('close', () => {
      clearTimeout(environmentTimer);
      clearTimeout(sessionTimer);
      this.#closing.signal.removeEventListener('abort', stop);
      this.#sockets.delete(socket);
      session?.receiveClose();
      stop();
    });
  }

  async #dispatch(session: AgiSession, signal: AbortSignal): Promise<void> {
    const { logger } = this.#resolved;
    const script = session.environment.script;
    const handler = Object.hasOwn(this.#options.handlers, script)
      ? this.#options.handlers[script]
      : undefined;
    try {
      if (handler === undefined) {
        throw new AgiUnknownScriptError(script, Object.keys(this.#options.handlers));
      }
      await handler(session, signal);
    } catch (error) {
      logger.warn(
        {
          script: script.slice(0, 64),
          uniqueid: session.environment.uniqueid,
          ...errorSummary(error),
        },
        'FastAGI script failed; the dialplan continues with its fallback',
      );
    } finally {
      session.end();
    }
  }
}
