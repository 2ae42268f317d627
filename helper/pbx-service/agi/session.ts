import type { ChannelValue, ChannelVariable } from './channel-value';
import type { AgiConnection } from './connection';
import { encodeSetVariable } from './encode-command';
import type { AgiEnvironment } from './environment';
import { AgiBusyError, AgiCommandError, AgiHangupError, AgiTimeoutError } from './errors';
import type { AgiReply } from './reply';

interface Waiting {
  readonly command: string;
  readonly resolve: (reply: AgiReply) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export interface AgiSessionOptions {
  /** Deadline for the PBX's answer to each command. */
  readonly commandTimeoutMs: number;
}

/**
 * One AGI run on one channel. Commands go one at a time, each after the previous answer:
 * Asterisk reads the socket through a buffered stream and waits for the socket again after
 * each command, so a second command sent early would sit unread until the connection closed.
 */
export class AgiSession {
  readonly #connection: AgiConnection;
  readonly #options: AgiSessionOptions;
  #waiting: Waiting | undefined;
  #hungUp = false;
  #closed = false;

  constructor(
    readonly environment: AgiEnvironment,
    connection: AgiConnection,
    options: AgiSessionOptions,
  ) {
    this.#connection = connection;
    this.#options = options;
  }

  get remoteAddress(): string {
    return this.#connection.remoteAddress;
  }

  /** True once Asterisk said the channel hung up. */
  get hungUp(): boolean {
    return this.#hungUp;
  }

  /** Sets a channel variable; rejects unless the PBX answers `200 result=1`. */
  async setVariable(name: ChannelVariable, value: ChannelValue): Promise<void> {
    const reply = await this.#send(`SET VARIABLE ${name}`, encodeSetVariable(name, value));
    if (reply.code !== 200 || reply.result !== '1') {
      throw new AgiCommandError(`SET VARIABLE ${name}`, reply.code, reply.text);
    }
  }

  /** Sets several variables in order; rejects on the first refusal. */
  async setVariables(
    values: ReadonlyArray<readonly [ChannelVariable, ChannelValue]>,
  ): Promise<void> {
    for (const [name, value] of values) await this.setVariable(name, value);
  }

  /** Hands the channel back to the dialplan. */
  end(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#connection.end();
    this.#fail();
  }

  /** A reply line from the PBX: the answer to the command that waits. */
  receiveReply(reply: AgiReply): void {
    const waiting = this.#waiting;
    if (waiting === undefined) return;
    this.#waiting = undefined;
    clearTimeout(waiting.timer);
    waiting.resolve(reply);
  }

  receiveHangup(): void {
    this.#hungUp = true;
  }

  /** The connection is gone: a command still waiting will never be answered. */
  receiveClose(): void {
    this.#closed = true;
    this.#fail();
  }

  #send(command: string, line: string): Promise<AgiReply> {
    if (this.#closed) return Promise.reject(new AgiHangupError(command));
    if (this.#waiting !== undefined) {
      return Promise.reject(new AgiBusyError(command, this.#waiting.command));
    }
    return new Promise<AgiReply>((resolve, reject) => {
      const timeoutMs = this.#options.commandTimeoutMs;
      const timer = setTimeout(() => {
        this.#waiting = undefined;
        reject(new AgiTimeoutError(command, timeoutMs));
        // A late answer would be taken for the next command's, so the session ends here.
        this.end();
      }, timeoutMs);
      this.#waiting = { command, resolve, reject, timer };
      this.#connection.write(line);
    });
  }

  #fail(): void {
    const waiting = this.#waiting;
    if (waiting === undefined) return;
    this.#waiting = undefined;
    clearTimeout(waiting.timer);
    waiting.reject(new AgiHangupError(waiting.command));
  }
}
