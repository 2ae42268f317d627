import { createServer } from 'node:net';
import { fail, ok } from './check-result';
import type { CheckResult } from './check-result';

/** The WebSocket binds the loopback only, so that is the address tried. */
export function checkPortFree(port: number, host = '127.0.0.1'): Promise<CheckResult> {
  const name = 'WebSocket port free';
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      server.close();
      resolve(
        error.code === 'EADDRINUSE'
          ? fail(
              name,
              `${host}:${port} is already in use (perhaps a helper is running already)`,
              'stop the other program or helper, or set websocket.port to a free port and the ' +
                "same port in the extension's settings",
            )
          : fail(
              name,
              `cannot listen on ${host}:${port} (${error.code ?? error.message})`,
              'set websocket.port to a port from 1024 to 65535 that this user may open',
            ),
      );
    });
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(ok(name, `${host}:${port} is free`)));
    });
  });
}
