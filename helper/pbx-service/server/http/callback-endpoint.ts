import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorSummary, type ServiceLogger } from '../../agi/logger';
import type { PeerAllowList } from '../../../config/peer-allow-list';
import type { CallbackService } from '../../callback/callback-service';
import type { CallbackStatus } from '../../callback/callback-status';
import {
  CallbackRefusedError,
  CallbackRequestError,
  CallbackUnavailableError,
} from '../../callback/errors';
import type { BearerTokens } from './bearer-tokens';
import { HttpError } from './http-error';
import { readJsonBody } from './read-json-body';

export interface CallbackEndpointOptions {
  readonly callbacks: Pick<CallbackService, 'start' | 'status'>;
  readonly tokens: BearerTokens;
  /** When set, other addresses are refused before the token is even looked at. */
  readonly allowList?: PeerAllowList;
  readonly logger: ServiceLogger;
  /** The server's lifetime: lookups in flight stop when it aborts. */
  readonly signal: AbortSignal;
}

const MAX_BODY_BYTES = 4_096;
const COLLECTION = '/v1/callbacks';
const ITEM = /^\/v1\/callbacks\/([0-9a-f]{16})$/;

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

function statusBody(status: CallbackStatus): object {
  return { callback: status };
}

function asHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof CallbackRequestError)
    return new HttpError(400, 'invalid-request', error.message);
  if (error instanceof CallbackRefusedError) return new HttpError(409, error.reason, error.message);
  if (error instanceof CallbackUnavailableError) {
    return new HttpError(503, `${error.part}-unavailable`, error.message);
  }
  return undefined;
}

/**
 * The endpoint of the mobile application's server (and of operators' "connect courier and
 * recipient"): `POST /v1/callbacks` with `{ courier, recipient, order }` places a callback
 * and answers 202 with its status; `GET /v1/callbacks/<id>` reports its progress. Every
 * request needs `Authorization: Bearer <token>`; a refused request dials nothing.
 */
export function createCallbackEndpoint(
  options: CallbackEndpointOptions,
): (request: IncomingMessage, response: ServerResponse) => void {
  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    remote: string | undefined,
  ): Promise<void> => {
    if (options.allowList !== undefined && !options.allowList.allows(remote)) {
      throw new HttpError(
        403,
        'forbidden-address',
        'This address may not use the callback endpoint.',
      );
    }
    if (!options.tokens.accepts(request.headers.authorization)) {
      throw new HttpError(
        401,
        'unauthorized',
        'Send Authorization: Bearer <token> with a configured token.',
      );
    }
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (path === COLLECTION) {
      if (request.method !== 'POST') throw new HttpError(405, 'method-not-allowed', 'Use POST.');
      const status = await options.callbacks.start(
        await readJsonBody(request, MAX_BODY_BYTES),
        options.signal,
      );
      send(response, 202, statusBody(status), { location: `${COLLECTION}/${status.id}` });
      return;
    }
    const id = ITEM.exec(path)?.[1];
    if (id === undefined)
      throw new HttpError(404, 'not-found', `No such resource; use ${COLLECTION}.`);
    if (request.method !== 'GET') throw new HttpError(405, 'method-not-allowed', 'Use GET.');
    const status = options.callbacks.status(id);
    if (status === undefined)
      throw new HttpError(404, 'unknown-callback', 'No recent callback has this id.');
    send(response, 200, statusBody(status));
  };

  const refuse = (response: ServerResponse, remote: string | undefined, error: unknown): void => {
    const refusal = asHttpError(error);
    if (refusal === undefined) {
      options.logger.error({ remote, ...errorSummary(error) }, 'callback request failed');
    } else {
      options.logger.info(
        { remote, status: refusal.status, code: refusal.code },
        'callback request refused',
      );
    }
    if (response.headersSent || response.destroyed) {
      response.destroy();
      return;
    }
    const failure =
      refusal ?? new HttpError(500, 'internal', 'The request failed; see the service log.');
    const headers: Record<string, string> =
      failure.status === 401
        ? { 'www-authenticate': 'Bearer' }
        : failure.status === 405
          ? { allow: 'GET, POST' }
          : {};
    // The body of a refused request is not read (or not all of it): the connection cannot be
    // reused.
    send(
      response,
      failure.status,
      { error: { code: failure.code, message: failure.message } },
      { ...headers, connection: 'close' },
    );
  };

  return (request, response) => {
    // Read now: once a connection is torn down, Node detaches it from the request.
    const remote = request.socket?.remoteAddress;
    route(request, response, remote)
      .catch((error: unknown) => refuse(response, remote, error))
      .catch((error: unknown) => {
        // Answering failed too (the peer is gone): nothing is left to tell anyone.
        options.logger.warn({ remote, ...errorSummary(error) }, 'callback answer not delivered');
        response.destroy();
      });
  };
}
