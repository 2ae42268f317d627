import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../shared/protocol';
import type { HelperApi } from '../../core/helper-api';
import { ClientConnection } from './client-connection';
import { CloseCode } from './close-codes';
import { HeartbeatMonitor } from './heartbeat';
import { closeServer, listenOnHosts } from './listen';
import { checkUpgrade, refuseUpgrade } from './upgrade-guard';
import {
  resolveWsServerOptions,
  type ResolvedWsServerOptions,
  type WsServerOptions,
} from './ws-server-options';

export type { WsServerOptions } from './ws-server-options';

export interface WsServerHandle {
  /** The bound port (useful when `port` was 0). */
  readonly port: number;
  /** Closes every socket, stops all timers and releases the port. Idempotent. */
  close(): Promise<void>;
  /** Open sockets, authenticated or not. */
  connections(): number;
  /** Open sockets still waiting to be authenticated. */
  pendingConnections(): number;
}

/** How long connections get to finish the closing handshake before being cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * Starts the loopback WebSocket server the extension talks to. Refuses web
 * pages at the HTTP upgrade (Origin allow-list, loopback Host), requires a
 * pairing token or code as the first frame, then validates every frame and
 * routes requests to `api`.
 */
export async function startWsServer(
  options: WsServerOptions,
  api: HelperApi,
): Promise<WsServerHandle> {
  const config = resolveWsServerOptions(options);
  config.signal?.throwIfAborted();
  const { logger } = config;

  const live = new Set<ClientConnection>();
  /** Sockets not yet authenticated, with their origin. */
  const pending = new Map<ClientConnection, string>();
  let nextId = 1;
  const pendingFrom = (origin: string): number => {
    let count = 0;
    for (const from of pending.values()) if (from === origin) count += 1;
    return count;
  };
  let closing: Promise<void> | undefined;

  const heartbeat = new HeartbeatMonitor(config.heartbeatIntervalMs, (socket) => {
    logger.info({}, 'peer stopped answering pings; terminating its connection');
    socket.terminate();
  });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
  });

  const accept = (socket: WebSocket, request: IncomingMessage) => {
    const origin = request.headers.origin ?? '';
    const connection: ClientConnection = new ClientConnection(socket, {
      id: nextId++,
      origin,
      api,
      pairing: config.pairing,
      logger,
      heartbeat,
      helloTimeoutMs: config.helloTimeoutMs,
      dialRate: config.dialRate,
      maxBadFrames: config.maxBadFrames,
      onAuthenticated: () => {
        pending.delete(connection);
        live.add(connection);
      },
    });
    pending.set(connection, origin);
    void connection.closed.then(() => {
      pending.delete(connection);
      live.delete(connection);
    });
    logger.info(
      { origin: request.headers.origin, remote: request.socket.remoteAddress },
      'connection accepted; waiting for hello',
    );
  };

  const crowded = (origin: string): string | undefined => {
    if (live.size >= config.maxConnections) return 'too many connections';
    if (pending.size >= config.maxPendingConnections) return 'too many connections awaiting hello';
    if (pendingFrom(origin) >= config.maxPendingPerOrigin) {
      return 'too many connections awaiting hello from this origin';
    }
    return undefined;
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusedForOrigin = checkUpgrade(request, config.originPolicy);
    const busy = refusedForOrigin ? undefined : crowded(request.headers.origin ?? '');
    const refusal =
      closing !== undefined
        ? { status: 503 as const, reason: 'helper is shutting down' }
        : (refusedForOrigin ??
          (busy === undefined ? null : { status: 503 as const, reason: busy }));
    if (refusal) {
      logger.info(
        {
          origin: request.headers.origin ?? null,
          host: request.headers.host ?? null,
          remote: request.socket.remoteAddress,
          reason: refusal.reason,
        },
        'connection refused',
      );
      refuseUpgrade(socket, refusal.status);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
  };

  const { port, servers } = await listenOnHosts(
    config.hosts,
    config.port,
    () => createHttpServer(onUpgrade),
    logger,
  );
  heartbeat.start();
  logger.info(
    { hosts: servers.map(boundHost), port, helperVersion: config.helperVersion },
    'WebSocket server listening',
  );

  const close = (): Promise<void> => {
    closing ??= shutDown(config, {
      heartbeat,
      live: new Set([...live, ...pending.keys()]),
      servers,
      wss,
    });
    return closing;
  };
  const onAbort = () => void close();
  config.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    port,
    close: () => {
      config.signal?.removeEventListener('abort', onAbort);
      return close();
    },
    connections: () => live.size + pending.size,
    pendingConnections: () => pending.size,
  };
}

function createHttpServer(
  onUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Server {
  const server = createServer((_request, response) => {
    // Plain HTTP gets nothing a probing page could use; this bare 426 is also how doctor
    // and pair recognise the running helper on its port (running-helper.ts).
    response.writeHead(426, { Connection: 'close', 'Content-Length': '0' }).end();
  });
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  return server;
}

function boundHost(server: Server): string {
  const address = server.address();
  return typeof address === 'object' && address ? address.address : String(address);
}

async function shutDown(
  config: ResolvedWsServerOptions,
  parts: {
    heartbeat: HeartbeatMonitor;
    live: ReadonlySet<ClientConnection>;
    servers: Server[];
    wss: WebSocketServer;
  },
): Promise<void> {
  const { heartbeat, live, servers, wss } = parts;
  heartbeat.stop();
  const connections = [...live];
  for (const connection of connections) {
    connection.close(CloseCode.goingAway, 'Helper is shutting down');
  }
  let graceTimer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    graceTimer = setTimeout(resolve, CLOSE_GRACE_MS);
  });
  await Promise.race([Promise.all(connections.map((c) => c.closed)), grace]);
  clearTimeout(graceTimer);
  for (const connection of live) connection.terminate();
  await Promise.all(connections.map((c) => c.closed));
  await Promise.all(servers.map(closeServer));
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  config.logger.info({}, 'WebSocket server closed');
}
