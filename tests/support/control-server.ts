import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AsteriskService } from '../../harness/services/asterisk';
import type { MariaDbService } from '../../harness/services/mariadb';

export interface ControlServer {
  /** Base URL; its path holds a per-run token. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Lets test processes stop and start the services the global setup owns (fault tests):
 * POST {url}/mariadb/stop, {url}/mariadb/start, {url}/asterisk/restart.
 */
export async function startControlServer(services: {
  readonly mariadb: MariaDbService;
  readonly asterisk: AsteriskService;
}): Promise<ControlServer> {
  const token = randomBytes(8).toString('hex');
  const routes: Record<string, () => Promise<number>> = {
    [`/${token}/mariadb/stop`]: async () => {
      await services.mariadb.halt();
      return -1;
    },
    [`/${token}/mariadb/start`]: async () => {
      await services.mariadb.resume();
      return services.mariadb.pid;
    },
    [`/${token}/asterisk/restart`]: async () => {
      await services.asterisk.restart();
      return services.asterisk.pid;
    },
  };
  const server = createServer((request, response) => {
    const route = request.method === 'POST' ? routes[request.url ?? ''] : undefined;
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route().then(
      (pid) =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ pid })),
      (error: unknown) =>
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
