import { request } from 'node:http';
import { pidFileFor, runningHelperPid } from '../../core/pid-lock';

/** What answers on the helper's WebSocket port. */
export type PortHolder = 'nothing' | 'helper' | 'other';

/**
 * Asks the port as a browser would not: a plain HTTP request, which our WebSocket server
 * answers with 426 Upgrade Required and nothing else. Anything else there is another program.
 */
export function probeHelperPort(
  port: number,
  host = '127.0.0.1',
  timeoutMs = 3_000,
): Promise<PortHolder> {
  return new Promise((resolve) => {
    const probe = request({ host, port, path: '/', method: 'GET', timeout: timeoutMs }, (reply) => {
      reply.resume();
      resolve(reply.statusCode === 426 ? 'helper' : 'other');
    });
    probe.on('timeout', () => probe.destroy(new Error('timeout')));
    probe.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'nothing' : 'other'),
    );
    probe.end();
  });
}

export interface RunningHelper {
  /** The live process holding the lock of the configuration's state folder. */
  pid: number | undefined;
  /** What answers on the configured WebSocket port. */
  port: PortHolder;
}

/**
 * The helper of one configuration: the process named by the lock in its state folder (the
 * one that reads that folder's pairing file), and whether a helper answers on its port.
 */
export async function findRunningHelper(stateDir: string, port: number): Promise<RunningHelper> {
  return { pid: runningHelperPid(pidFileFor(stateDir)), port: await probeHelperPort(port) };
}
