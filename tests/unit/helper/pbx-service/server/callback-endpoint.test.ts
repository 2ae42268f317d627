import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../../helper/pbx-service/agi/logger';
import { PeerAllowList } from '../../../../../helper/config/peer-allow-list';
import type { CallbackStatus } from '../../../../../helper/pbx-service/callback/callback-status';
import { CallbackRefusedError } from '../../../../../helper/pbx-service/callback/errors';
import { BearerTokens } from '../../../../../helper/pbx-service/server/http/bearer-tokens';
import { createCallbackEndpoint } from '../../../../../helper/pbx-service/server/http/callback-endpoint';
import {
  listenHttp,
  type RunningHttpServer,
} from '../../../../../helper/pbx-service/server/http/listen-http';

const TOKEN = 'unit-token-0123456789abcdef0123456789';
const STATUS: CallbackStatus = {
  id: '0123456789abcdef',
  state: 'calling-courier',
  orderCode: '1',
  updatedAt: 0,
};

let dir: string;
let server: RunningHttpServer;
const started: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  server = await listenHttp(
    {
      host: '127.0.0.1',
      port: 0,
      tlsCertFile: join(dir, 'cert.pem'),
      tlsKeyFile: join(dir, 'key.pem'),
    },
    createCallbackEndpoint({
      callbacks: {
        start: async (body) => {
          started.push(body);
          if ((body as { courier?: number }).courier === 5)
            throw new CallbackRefusedError('unknown-courier');
          return STATUS;
        },
        status: (id) => (id === STATUS.id ? STATUS : undefined),
      },
      tokens: new BearerTokens([TOKEN]),
      allowList: new PeerAllowList(['127.0.0.1'], 'server.httpAllowedPeers'),
      logger: silentLogger,
      signal: new AbortController().signal,
    }),
  );
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function call(
  method: string,
  path: string,
  options: { token?: string; body?: string; type?: string; chunks?: readonly string[] } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        ca: readFileSync(join(dir, 'cert.pem')),
        headers: {
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          'content-type': options.type ?? 'application/json',
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
            headers: response.headers,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    // Written piece by piece without a length, the body goes out with chunked encoding.
    for (const chunk of options.chunks ?? []) outgoing.write(chunk);
    outgoing.end(options.body);
  });
}

describe('the callback endpoint over TLS', () => {
  it('serves HTTPS with the configured certificate', () => {
    expect(server.secure).toBe(true);
  });

  it('places a callback for a request with the token', async () => {
    const response = await call('POST', '/v1/callbacks', {
      token: TOKEN,
      body: '{"courier":1,"recipient":"79161234567","order":1}',
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ callback: STATUS });
    expect(response.headers['location']).toBe(`/v1/callbacks/${STATUS.id}`);
    expect((await call('GET', `/v1/callbacks/${STATUS.id}`, { token: TOKEN })).status).toBe(200);
  });

  it('refuses without the token before reading anything, and answers refusals as JSON', async () => {
    const count = started.length;
    expect((await call('POST', '/v1/callbacks', { body: '{}' })).status).toBe(401);
    expect(
      (await call('POST', '/v1/callbacks', { token: 'x'.repeat(40), body: '{}' })).status,
    ).toBe(401);
    expect(started.length).toBe(count);
    expect(
      await call('POST', '/v1/callbacks', { token: TOKEN, body: '{"courier":5}' }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'unknown-courier' } },
    });
    expect((await call('GET', '/v1/callbacks', { token: TOKEN })).status).toBe(405);
    expect((await call('GET', '/v1/callbacks/ffffffffffffffff', { token: TOKEN })).status).toBe(
      404,
    );
    expect((await call('GET', '/v1/other', { token: TOKEN })).status).toBe(404);
    expect(
      (await call('POST', '/v1/callbacks', { token: TOKEN, body: 'x'.repeat(5_000) })).status,
    ).toBe(413);
  });

  it('refuses a chunked body past the limit with 413 and goes on serving', async () => {
    const count = started.length;
    const chunks = ['{"courier":1,"pad":"', 'x'.repeat(2_500), 'x'.repeat(2_500), '"}'];
    const refused = await call('POST', '/v1/callbacks', { token: TOKEN, chunks });
    expect(refused).toMatchObject({ status: 413, body: { error: { code: 'body-too-large' } } });
    expect(refused.headers['connection']).toBe('close');
    expect(started.length).toBe(count);
    const small = ['{"courier":1,', '"recipient":"79161234567",', '"order":1}'];
    expect((await call('POST', '/v1/callbacks', { token: TOKEN, chunks: small })).status).toBe(202);
  });
});
