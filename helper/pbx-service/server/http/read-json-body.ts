import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** Reads a JSON request body of at most `maxBytes`; refuses anything else with an HttpError. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported-media-type', 'Send the request as application/json.');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    throw new HttpError(413, 'body-too-large', `The body may be at most ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw new HttpError(413, 'body-too-large', `The body may be at most ${maxBytes} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'malformed-json', 'The body is not valid JSON.');
  }
}
