import { connect as netConnect, type Socket } from 'node:net';
import { AmiConnectError } from './errors';
import type { AmiConnection, AmiConnectionHandlers, AmiEndpoint, AmiTransport } from './transport';

export interface TcpTransportOptions {
  /** Deadline for the TCP handshake; a PBX behind a dropping firewall never answers. */
  readonly connectTimeoutMs?: number;
  /** OS-level TCP keepalive probe delay; the client's own Ping is the primary check. */
  readonly tcpKeepAliveMs?: number;
}

/** The default transport: a plain TCP connection via node:net. */
export function createTcpTransport(options: TcpTransportOptions = {}): AmiTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const tcpKeepAliveMs = options.tcpKeepAliveMs ?? 30_000;
  return {
    connect(endpoint, handlers, signal) {
      return openSocket(endpoint, handlers, signal, connectTimeoutMs, tcpKeepAliveMs);
    },
  };
}

function openSocket(
  endpoint: AmiEndpoint,
  handlers: AmiConnectionHandlers,
  signal: AbortSignal,
  connectTimeoutMs: number,
  tcpKeepAliveMs: number,
): Promise<AmiConnection> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new AmiConnectError(endpoint.host, endpoint.port, 'aborted'));
      return;
    }
    const socket: Socket = netConnect({ host: endpoint.host, port: endpoint.port });
    let settled = false;

    const fail = (cause: string): void => {
      if (settled) return;
      settled = true;
      cleanup();
      socket.destroy();
      reject(new AmiConnectError(endpoint.host, endpoint.port, cause));
    };
    const onAbort = (): void => fail('aborted');
    const onError = (error: NodeJS.ErrnoException): void => fail(error.code ?? error.message);
    const timer = setTimeout(
      () => fail(`no answer within ${connectTimeoutMs} ms`),
      connectTimeoutMs,
    );
    const cleanup = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.off('error', onError);
      socket.off('connect', onConnect);
    };
    const onConnect = (): void => {
      if (settled) return;
      settled = true;
      cleanup();
      socket.setNoDelay(true);
      socket.setKeepAlive(true, tcpKeepAliveMs);
      resolve(attach(socket, handlers));
    };

    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('connect', onConnect);
  });
}

function attach(socket: Socket, handlers: AmiConnectionHandlers): AmiConnection {
  let lastError: Error | undefined;
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    if (!closed) handlers.onData(chunk);
  });
  socket.on('error', (error: Error) => {
    lastError = error;
  });
  socket.once('close', () => {
    closed = true;
    socket.removeAllListeners('data');
    handlers.onClose(lastError);
  });
  return {
    write(bytes) {
      if (!closed && socket.writable) socket.write(bytes);
    },
    end() {
      socket.end();
    },
    destroy() {
      socket.destroy();
    },
  };
}
