import { connect } from 'node:net';
import { tr } from '../../core/cli-text';
import './russian';

export type Reachability =
  { reachable: true; greeting: string } | { reachable: false; reason: string; connected: boolean };

/**
 * Opens a TCP connection to the AMI port and reads the greeting line
 * (`Asterisk Call Manager/9.0.0`), then hangs up without logging in.
 */
export function probeAmiPort(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Reachability> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let connected = false;
    let buffer = '';
    const finish = (result: Reachability): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => finish({ reachable: false, reason: tr`aborted`, connected });
    const timer = setTimeout(
      () =>
        finish({
          reachable: false,
          connected,
          reason: connected
            ? tr`connected, but no AMI greeting within ${timeoutMs} ms`
            : tr`no answer within ${timeoutMs} ms`,
        }),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      connected = true;
    });
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline === -1 && buffer.length < 512) return;
      const greeting = buffer.slice(0, newline === -1 ? 512 : newline).trim();
      finish(
        /Call Manager/i.test(greeting)
          ? { reachable: true, greeting }
          : {
              reachable: false,
              connected: true,
              reason: tr`the service on this port is not AMI (it said ${JSON.stringify(greeting.slice(0, 60))})`,
            },
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ reachable: false, connected, reason: error.code ?? error.message }),
    );
    socket.on('close', () =>
      finish({ reachable: false, connected, reason: tr`the PBX closed the connection at once` }),
    );
  });
}
