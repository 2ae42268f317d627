import { createServer } from 'node:net';
import { tr } from '../../core/cli-text';
import { findRunningHelper } from '../ws/running-helper';
import { fail, ok } from './check-result';
import type { CheckResult } from './check-result';
import './russian';

export const PORT_CHECK = (): string => tr`WebSocket port`;

function tryListen(port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      server.close();
      resolve(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}

/**
 * The WebSocket binds the loopback only, so that is the address tried. A port in use is
 * fine when the one using it is this configuration's own running helper: the lock of its
 * state folder names a live process and the port answers as the helper does.
 */
export async function checkPort(
  stateDir: string,
  port: number,
  host = '127.0.0.1',
): Promise<CheckResult> {
  const name = PORT_CHECK();
  const where = `${host}:${port}`;
  const error = await tryListen(port, host);
  if (error === undefined) return ok(name, tr`${where} is free for the helper`);
  if (error.code !== 'EADDRINUSE') {
    return fail(
      name,
      tr`cannot listen on ${where} (${error.code ?? error.message})`,
      tr`set websocket.port to a port from 1024 to 65535 that this user may open`,
    );
  }
  const running = await findRunningHelper(stateDir, port);
  if (running.port === 'helper' && running.pid !== undefined) {
    return ok(
      name,
      tr`${where} is in use by the running helper of this configuration (PID ${running.pid})`,
    );
  }
  const switchPort = tr`or set websocket.port to a free port and the same port in the extension's options`;
  if (running.port === 'helper') {
    return fail(
      name,
      tr`${where} is in use by a helper, but not by one running with this configuration`,
      tr`stop the other helper (another configuration or user) ${switchPort}`,
    );
  }
  return fail(
    name,
    tr`${where} is already in use by another program`,
    tr`stop that program ${switchPort}`,
  );
}
