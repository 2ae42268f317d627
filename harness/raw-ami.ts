import { connect, type Socket } from 'node:net';

/** One AMI frame (event or response). Repeated keys (e.g. `Output`) are joined by `\n`. */
export type AmiMessage = Readonly<Record<string, string>>;

export interface AmiAccount {
  readonly username: string;
  readonly secret: string;
}

export interface RawAmiOptions extends AmiAccount {
  readonly host: string;
  readonly port: number;
  /** Closes the connection when aborted. */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** Matches an event by exact header values or regular expressions, or by a predicate. */
export type AmiMatcher =
  Readonly<Record<string, string | RegExp>> | ((event: AmiMessage) => boolean);

export class AmiLoginError extends Error {
  override readonly name = 'AmiLoginError';
}

export class AmiTimeoutError extends Error {
  override readonly name = 'AmiTimeoutError';
}

export class AmiClosedError extends Error {
  override readonly name = 'AmiClosedError';
}

export class AmiValueError extends Error {
  override readonly name = 'AmiValueError';
}

function parseFrame(frame: string): AmiMessage {
  const message: Record<string, string> = {};
  for (const line of frame.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 1).trimStart();
    message[key] = key in message ? `${message[key]}\n${value}` : value;
  }
  return message;
}

export function matches(event: AmiMessage, matcher: AmiMatcher): boolean {
  if (typeof matcher === 'function') return matcher(event);
  return Object.entries(matcher).every(([key, expected]) => {
    const actual = event[key];
    if (actual === undefined) return false;
    return typeof expected === 'string' ? actual === expected : expected.test(actual);
  });
}

interface Waiter {
  readonly matcher: AmiMatcher;
  readonly resolve: (event: AmiMessage) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A small AMI client for tests: logs in with a given account, records every event it
 * receives, sends actions and matches their responses by ActionID. It is test tooling,
 * independent of the helper's own AMI client.
 */
export class RawAmiClient {
  /** Every event received since login, in order. */
  readonly events: AmiMessage[] = [];
  private readonly responses = new Map<string, (message: AmiMessage) => void>();
  private readonly listEvents = new Map<string, AmiMessage[]>();
  private readonly waiters = new Set<Waiter>();
  private buffer = '';
  private bannerSeen = false;
  private nextId = 1;
  private isClosed = false;
  private closeReason: Error | undefined;
  private readonly onClosed = new Set<(error: Error) => void>();
  private resolveClosed: (reason: Error) => void = () => undefined;
  /** Resolves with the reason once the connection is gone (PBX restart, close()). */
  readonly closed: Promise<Error> = new Promise((resolve) => {
    this.resolveClosed = resolve;
  });

  private constructor(
    private readonly socket: Socket,
    private readonly timeoutMs: number,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error) => this.markClosed(error));
    socket.on('close', () => this.markClosed(new AmiClosedError('AMI connection closed')));
  }

  /** Connects and logs in; rejects with AmiLoginError when the PBX refuses the account. */
  static async connect(options: RawAmiOptions): Promise<RawAmiClient> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const socket = connect({ host: options.host, port: options.port });
    const client = new RawAmiClient(socket, timeoutMs);
    const abort = (): void => void client.close();
    options.signal?.addEventListener('abort', abort, { once: true });
    socket.once('close', () => options.signal?.removeEventListener('abort', abort));
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      const response = await client.action({
        Action: 'Login',
        Username: options.username,
        Secret: options.secret,
      });
      if (response.Response !== 'Success') {
        throw new AmiLoginError(
          `AMI login as "${options.username}" on ${options.host}:${options.port} was refused: ` +
            `${response.Message ?? 'no reason given'}; check the account in manager.conf`,
        );
      }
      return client;
    } catch (error) {
      client.socket.destroy();
      throw error;
    }
  }

  /** Sends an action and resolves with its response (not the list events that may follow). */
  action(fields: Readonly<Record<string, string>>): Promise<AmiMessage> {
    if (this.isClosed) return Promise.reject(this.closeReason ?? new AmiClosedError('closed'));
    const actionId = `t${this.nextId++}`;
    let frame = '';
    for (const [key, value] of Object.entries({ ...fields, ActionID: actionId })) {
      if (/[\r\n]/.test(key) || /[\r\n]/.test(value)) {
        return Promise.reject(new AmiValueError(`AMI field ${key} holds a line break; remove it`));
      }
      frame += `${key}: ${value}\r\n`;
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.responses.delete(actionId);
        this.onClosed.delete(fail);
        reject(new AmiTimeoutError(`no response to AMI ${fields.Action} in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      this.onClosed.add(fail);
      this.responses.set(actionId, (message) => {
        clearTimeout(timer);
        this.onClosed.delete(fail);
        resolve({ ...message, ActionID: actionId });
      });
      this.socket.write(`${frame}\r\n`);
    });
  }

  /**
   * Sends a list action (e.g. CoreShowChannels) and resolves with the response and the
   * events sent for it, once the one with `EventList: Complete` arrived.
   */
  async listAction(
    fields: Readonly<Record<string, string>>,
  ): Promise<{ response: AmiMessage; events: AmiMessage[] }> {
    const response = await this.action(fields);
    const actionId = response.ActionID as string;
    if (response.Response !== 'Success') return { response, events: [] };
    const complete = await this.waitForEvent({ ActionID: actionId, EventList: 'Complete' });
    const events = (this.listEvents.get(actionId) ?? []).filter((event) => event !== complete);
    this.listEvents.delete(actionId);
    return { response, events };
  }

  /** Index to pass as `since` so that only events after this moment are matched. */
  mark(): number {
    return this.events.length;
  }

  /** The first event from `since` on (already received or still to come) that matches. */
  waitForEvent(
    matcher: AmiMatcher,
    options: { since?: number; timeoutMs?: number } = {},
  ): Promise<AmiMessage> {
    const seen = this.events.slice(options.since ?? 0).find((event) => matches(event, matcher));
    if (seen) return Promise.resolve(seen);
    if (this.isClosed) return Promise.reject(this.closeReason ?? new AmiClosedError('closed'));
    const timeoutMs = options.timeoutMs ?? 20_000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matcher,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new AmiTimeoutError(
            `no AMI event matching ${describe(matcher)} within ${timeoutMs} ms; ` +
              `last events: ${this.events
                .slice(-5)
                .map((event) => event.Event)
                .join(', ')}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Events received so far that match. */
  filter(matcher: AmiMatcher, since = 0): AmiMessage[] {
    return this.events.slice(since).filter((event) => matches(event, matcher));
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.action({ Action: 'Logoff' }),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 1_000);
        }),
      ]);
    } catch {
      // The PBX may already have dropped the connection; closing is all that is left.
    } finally {
      clearTimeout(timer);
    }
    this.socket.destroy();
    this.markClosed(new AmiClosedError('AMI connection closed by the test'));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    if (!this.bannerSeen) {
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return;
      this.buffer = this.buffer.slice(end + 2);
      this.bannerSeen = true;
    }
    for (
      let end = this.buffer.indexOf('\r\n\r\n');
      end >= 0;
      end = this.buffer.indexOf('\r\n\r\n')
    ) {
      const message = parseFrame(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 4);
      this.dispatch(message);
    }
  }

  private dispatch(message: AmiMessage): void {
    const actionId = message.ActionID;
    // OriginateResponse is an event that also carries a Response header.
    if (message.Event === undefined && message.Response !== undefined && actionId !== undefined) {
      this.responses.get(actionId)?.(message);
      this.responses.delete(actionId);
      return;
    }
    if (message.Event === undefined) return;
    if (actionId !== undefined) {
      this.listEvents.set(actionId, [...(this.listEvents.get(actionId) ?? []), message]);
    }
    this.events.push(message);
    for (const waiter of [...this.waiters]) {
      if (matches(message, waiter.matcher)) {
        this.waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  }

  private markClosed(error: Error): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.closeReason = error;
    this.resolveClosed(error);
    for (const fail of this.onClosed) fail(error);
    this.onClosed.clear();
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }
}

function describe(matcher: AmiMatcher): string {
  if (typeof matcher === 'function') return 'the predicate';
  return JSON.stringify(
    Object.fromEntries(Object.entries(matcher).map(([k, v]) => [k, String(v)])),
  );
}
