import WebSocket from 'ws';
import {
  encodeMessage,
  parseServerMessage,
  PROTOCOL_VERSION,
  type ClientMessage,
  type ServerMessage,
  type ServerMessageOf,
} from '../../shared/protocol';

export const DEV_ORIGIN = 'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl';
const CLIENT = { name: 'integration-test', version: '0.0.0', browser: 'node' };

type Predicate<T extends ServerMessage = ServerMessage> = (message: ServerMessage) => message is T;

/**
 * A WebSocket peer that behaves like the extension's background worker:
 * same origin, same handshake, every frame validated with the shared protocol.
 */
export class ExtensionClient {
  readonly received: ServerMessage[] = [];
  readonly rawFrames: string[] = [];
  private waiters: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] =
    [];
  private requestSeq = 0;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      this.rawFrames.push(text);
      const parsed = parseServerMessage(text);
      if (!parsed.ok) throw parsed.error;
      this.received.push(parsed.message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(parsed.message)) return true;
        w.resolve(parsed.message);
        return false;
      });
    });
  }

  static open(port: number, origin = DEV_ORIGIN): Promise<ExtensionClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { origin });
      const client = new ExtensionClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`refused with HTTP ${res.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(encodeMessage(message));
  }

  nextId(): string {
    this.requestSeq += 1;
    return `t${this.requestSeq}`;
  }

  async pair(code: string): Promise<string> {
    this.send({ type: 'pair', v: PROTOCOL_VERSION, code, client: CLIENT });
    const paired = await this.waitFor((m): m is ServerMessageOf<'paired'> => m.type === 'paired');
    return paired.token;
  }

  async hello(token: string): Promise<ServerMessageOf<'welcome'>> {
    this.send({ type: 'hello', v: PROTOCOL_VERSION, token, client: CLIENT });
    return this.waitFor((m): m is ServerMessageOf<'welcome'> => m.type === 'welcome');
  }

  /** Resolves with the first message (already received or future) that passes `test`. */
  waitFor<T extends ServerMessage>(test: Predicate<T>, timeoutMs = 20_000): Promise<T> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen as T);
    return this.waitForNext(test, timeoutMs);
  }

  /** Resolves with the next future message that passes `test`. */
  waitForNext<T extends ServerMessage>(test: Predicate<T>, timeoutMs = 20_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no matching message within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (m: ServerMessage) => {
        clearTimeout(timer);
        resolve(m as T);
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  /** The helper's status as last reported (welcome or status push). */
  latestStatus(): ServerMessageOf<'status'>['status'] | undefined {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const m = this.received[i];
      if (m?.type === 'status' || m?.type === 'welcome' || m?.type === 'paired') return m.status;
    }
    return undefined;
  }

  /** Resolves once the last reported status passes `test`. */
  async waitForStatus(
    test: (status: ServerMessageOf<'status'>['status']) => boolean,
    timeoutMs = 30_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const status = this.latestStatus();
      if (status && test(status)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(
      `status did not become as expected within ${timeoutMs} ms: ${JSON.stringify(this.latestStatus())}`,
    );
  }

  /** Sends a dial and collects its updates up to and including the result. */
  async dial(number: string, extension?: string): Promise<ServerMessage[]> {
    const id = this.nextId();
    const result = this.waitForNext(
      (m): m is ServerMessageOf<'dial.result'> | ServerMessageOf<'error'> =>
        (m.type === 'dial.result' || m.type === 'error') && m.id === id,
      90_000,
    );
    this.send({ type: 'dial', id, number, source: 'link', ...(extension ? { extension } : {}) });
    await result;
    return this.received.filter(
      (m) =>
        (m.type === 'dial.progress' || m.type === 'dial.result' || m.type === 'error') &&
        m.id === id,
    );
  }

  calls(callId?: string): ServerMessageOf<'call'>['call'][] {
    return this.received
      .filter((m): m is ServerMessageOf<'call'> => m.type === 'call')
      .map((m) => m.call)
      .filter((c) => callId === undefined || c.callId === callId);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
