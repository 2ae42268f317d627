/**
 * The part of the WebSocket API the client uses, so tests can hand it a fake
 * and the client stays free of any particular runtime.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(
    type: 'open' | 'close' | 'error' | 'message',
    listener: (event: Event) => void,
    options?: { signal?: AbortSignal },
  ): void;
}

export type WebSocketFactory = (url: string) => WebSocketLike;

/** `WebSocket.OPEN`, spelled out because fakes need not define the constants. */
export const SOCKET_OPEN = 1;
