import type {
  WebSocketFactory,
  WebSocketLike,
} from '../../../../../extension/lib/helper-client/socket';

/**
 * A WebSocket whose server side the test drives by hand: open it, send it
 * frames, close it with a code. Frames the client sends are kept as parsed
 * JSON in `sent`.
 */
export class FakeWebSocket extends EventTarget implements WebSocketLike {
  readyState = 0;
  readonly sent: Record<string, unknown>[] = [];
  closedByClient: number | undefined;

  constructor(readonly url: string) {
    super();
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send() on a socket that is not open');
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number): void {
    if (this.readyState === 3) return;
    this.closedByClient = code ?? 1005;
    this.serverClose(code ?? 1005);
  }

  override addEventListener(
    type: 'open' | 'close' | 'error' | 'message',
    listener: (event: Event) => void,
    options?: { signal?: AbortSignal },
  ): void {
    super.addEventListener(type, listener, options);
  }

  serverOpen(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }

  serverSend(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.dispatchEvent(new MessageEvent('message', { data }));
  }

  serverClose(code = 1006, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event('close'), { code, reason }));
  }

  lastSent(): Record<string, unknown> | undefined {
    return this.sent.at(-1);
  }
}

export function fakeSocketFactory(): { create: WebSocketFactory; sockets: FakeWebSocket[] } {
  const sockets: FakeWebSocket[] = [];
  return {
    sockets,
    create: (url) => {
      const socket = new FakeWebSocket(url);
      sockets.push(socket);
      return socket;
    },
  };
}
