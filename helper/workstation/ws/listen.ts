import type { Server } from 'node:http';
import { isIPv6 } from 'node:net';
import { NoListenAddressError, PortInUseError } from './errors';
import type { WsLogger } from './logger';

/** Errors meaning "this address does not exist here", e.g. IPv6 disabled. */
const ADDRESS_UNAVAILABLE = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT', 'EPROTONOSUPPORT']);
const EPHEMERAL_RETRIES = 5;

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? '';
}

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host, port, exclusive: true });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function bindAll(
  hosts: readonly string[],
  port: number,
  createServer: () => Server,
  logger: WsLogger,
): Promise<{ port: number; servers: Server[] }> {
  const servers: Server[] = [];
  let boundPort = port;
  try {
    for (const host of hosts) {
      const server = createServer();
      try {
        boundPort = await listenOnce(server, host, boundPort);
        servers.push(server);
      } catch (error) {
        const code = errnoOf(error);
        if (code === 'EADDRINUSE') throw new PortInUseError(boundPort, host);
        if (!ADDRESS_UNAVAILABLE.has(code)) throw error;
        logger.warn(
          { host, code },
          isIPv6(host)
            ? 'IPv6 loopback is not available on this computer; listening on IPv4 only'
            : 'Listen address is not available on this computer; skipping it',
        );
      }
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }
  if (servers.length === 0) throw new NoListenAddressError(hosts);
  return { port: boundPort, servers };
}

/**
 * Binds one HTTP server per loopback address on the same port. With port 0
 * the first address picks a free port, which another program may hold on the
 * next address, so that case is retried with a fresh port.
 */
export async function listenOnHosts(
  hosts: readonly string[],
  port: number,
  createServer: () => Server,
  logger: WsLogger,
): Promise<{ port: number; servers: Server[] }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await bindAll(hosts, port, createServer, logger);
    } catch (error) {
      if (port !== 0 || !(error instanceof PortInUseError) || attempt >= EPHEMERAL_RETRIES) {
        throw error;
      }
    }
  }
}
