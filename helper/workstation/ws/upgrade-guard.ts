import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isLoopbackHostHeader } from './loopback';
import type { OriginPolicy } from './origin-policy';

export interface UpgradeRefusal {
  status: 400 | 403 | 503;
  /** For the log only; the client gets the bare status. */
  reason: string;
}

/**
 * Decides before the handshake whether a WebSocket upgrade may proceed. A
 * web page cannot forge its Origin, so the allow-list keeps pages out; the
 * Host check stops DNS rebinding; credentials never travel in the URL, where
 * proxies and histories would keep them.
 */
export function checkUpgrade(
  request: IncomingMessage,
  policy: OriginPolicy,
): UpgradeRefusal | null {
  const origin = request.headers.origin;
  if (origin === undefined) return { status: 403, reason: 'no Origin header' };
  if (!policy.allows(origin)) return { status: 403, reason: 'origin not allowed' };
  if (!isLoopbackHostHeader(request.headers.host)) {
    return { status: 403, reason: 'Host header is not a loopback address' };
  }
  if (request.url?.includes('?')) {
    return {
      status: 400,
      reason: 'query string in the URL (credentials belong in the first frame)',
    };
  }
  return null;
}

const STATUS_TEXT: Record<UpgradeRefusal['status'], string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  503: 'Service Unavailable',
};

/** Answers with the bare status line and hangs up: nothing for a probing page to read. */
export function refuseUpgrade(socket: Duplex, status: UpgradeRefusal['status']): void {
  socket.on('error', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}
