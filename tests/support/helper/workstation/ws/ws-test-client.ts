import { WebSocket, type ClientOptions } from 'ws';
import {
  parseServerMessage,
  type ServerMessage,
  type ServerMessageOf,
  type ServerMessageType,
} from '../../../../../shared/protocol';

export const CHROME_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const FIREFOX_ORIGIN = 'moz-extension://0f8a6c1e-3b2d-4c5e-9a7f-123456789abc';
export const CLIENT_INFO = { name: 'Courier Telephony', version: '0.1.0', browser: 'chrome' };

const DEADLINE_MS = 5_000;

/**
 * A real `ws` client that queues every server frame (validated against the
 * protocol) so tests can await them in order.
 */
export class TestClient {
  readonly received: ServerMessage[] = [];
  readonly raw: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: (() => void)[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = String(data);
      this.raw.push(text);
      const parsed = parseServerMessage(text);
      if (!parsed.ok) throw new Error(`Server sent an invalid frame: ${parsed.error.message}`);
      this.received.push(parsed.message);
      this.notify();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        this.notify();
        resolve({ code, reason: String(reason) });
      }),
    );
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Resolves with the next unread frame of `type`, removing it from the queue. */
  async next<T extends ServerMessageType>(type: T): Promise<ServerMessageOf<T>> {
    const deadline = Date.now() + DEADLINE_MS;
    for (;;) {
      const index = this.received.findIndex((m) => m.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as ServerMessageOf<T>;
      if (this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(`Socket closed while waiting for "${type}"`);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No "${type}" within ${DEADLINE_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

export function wsUrl(port: number, host = '127.0.0.1'): string {
  return `ws://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}

/** Opens a socket; resolves once open, rejects with the HTTP status if refused. */
export function connect(
  port: number,
  options: ClientOptions & { origin?: string; host?: string; path?: string } = {},
): Promise<TestClient> {
  const { host, path, ...rest } = options;
  const url = path ? new URL(path, wsUrl(port, host)).toString() : wsUrl(port, host);
  const socket = new WebSocket(url, { origin: CHROME_ORIGIN, ...rest });
  const client = new TestClient(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate();
      reject(new UpgradeRefused(response.statusCode ?? 0));
    });
    socket.once('error', reject);
  });
}

export class UpgradeRefused extends Error {
  override readonly name = 'UpgradeRefused';
  constructor(readonly status: number) {
    super(`Upgrade refused with HTTP ${status}`);
  }
}

/** The HTTP status a refused upgrade got. */
export async function refusalStatus(
  port: number,
  options: Parameters<typeof connect>[1],
): Promise<number> {
  try {
    const client = await connect(port, options);
    await client.close();
    return 101;
  } catch (error) {
    if (error instanceof UpgradeRefused) return error.status;
    throw error;
  }
}
