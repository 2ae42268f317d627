import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface StaticServer {
  /** `http://127.0.0.1:<port>/`, with the trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface ServeStaticOptions {
  /** 0 picks a free port. */
  port?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a request path names inside `root`, or null when it would step outside. */
function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  const target = resolve(root, `.${decoded}`);
  return target === root || target.startsWith(root + sep) ? target : null;
}

/**
 * Serves a folder read-only on the loopback interface, for tests, benchmarks
 * and the demo cabinet. Query strings are ignored, so `?client=1` routes of a
 * single-page app get `index.html`.
 */
export async function serveStatic(
  dir: string,
  options: ServeStaticOptions = {},
): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      let file = resolveInside(root, path);
      if (!file) {
        response.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const info = await stat(file);
        response.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': info.size,
          'Cache-Control': 'no-store',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

/** `tsx harness/serve-static.ts demo/cabinet [port]`: serve a folder until Ctrl+C. */
async function main(): Promise<void> {
  const [dir = 'demo/cabinet', port = '0'] = process.argv.slice(2);
  const server = await serveStatic(dir, { port: Number(port) });
  console.log(`Serving ${resolve(dir)} at ${server.url}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
