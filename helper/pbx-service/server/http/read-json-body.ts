import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'body-too-large', `The body may be at most ${maxBytes} bytes.`);
}

/**
 * Reads a JSON request body of at most `maxBytes`; refuses anything else with an HttpError.
 * The limit holds however the body comes (Content-Length or chunked): past it, reading
 * stops and the request is left paused, not destroyed, so the refusal can still be sent
 * on its connection (the caller closes it afterwards).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported-media-type', 'Send the request as application/json.');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (!(declared <= maxBytes)) throw tooLarge(maxBytes);
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      outcome();
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.pause();
      settle(() => reject(tooLarge(maxBytes)));
    };
    const onEnd = (): void => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (): void =>
      settle(() => reject(new HttpError(400, 'body-unreadable', 'The body did not arrive whole.')));
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', onError);
  });
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'malformed-json', 'The body is not valid JSON.');
  }
}
