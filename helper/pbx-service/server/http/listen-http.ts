import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ServerConfigError } from '../../../config/server-settings';

export interface HttpListenOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** PEM files; both set serves HTTPS. */
  readonly tlsCertFile: string;
  readonly tlsKeyFile: string;
}

export interface RunningHttpServer {
  readonly port: number;
  readonly secure: boolean;
  close(): Promise<void>;
}

function tlsFiles(options: HttpListenOptions): { cert: Buffer; key: Buffer } {
  try {
    return { cert: readFileSync(options.tlsCertFile), key: readFileSync(options.tlsKeyFile) };
  } catch (error) {
    throw new ServerConfigError([
      `server.tlsCertFile / server.tlsKeyFile cannot be read (${(error as Error).message}): ` +
        'point them at the PEM certificate and key',
    ]);
  }
}

/** Serves `listener` over HTTP, or HTTPS when a certificate is configured. */
export async function listenHttp(
  options: HttpListenOptions,
  listener: RequestListener,
): Promise<RunningHttpServer> {
  const secure = options.tlsCertFile !== '' && options.tlsKeyFile !== '';
  const server: Server = secure
    ? createHttpsServer({ ...tlsFiles(options), minVersion: 'TLSv1.2' }, listener)
    : createHttpServer(listener);
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : options.port,
    secure,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
