import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../../../shared/protocol';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';
import {
  CHROME_ORIGIN,
  CLIENT_INFO,
  connect,
  FIREFOX_ORIGIN,
  refusalStatus,
} from '../../../../support/helper/workstation/ws/ws-test-client';

let fixture: ServerFixture;

afterEach(async () => {
  await fixture.dispose();
});

describe('WebSocket upgrade checks', () => {
  it('refuses web page origins with a bare 403', async () => {
    fixture = await startFixture();
    const { port } = fixture.server;
    for (const origin of [
      'http://example.com',
      'https://cabinet.example.ru',
      'null',
      'http://127.0.0.1:8080',
    ]) {
      expect(await refusalStatus(port, { origin })).toBe(403);
    }
    expect(
      fixture.logger.has('connection refused', {
        origin: 'https://cabinet.example.ru',
        reason: 'origin not allowed',
      }),
    ).toBe(true);
    expect(fixture.server.connections()).toBe(0);
  });

  it('refuses a request without an Origin header', async () => {
    fixture = await startFixture();
    expect(await refusalStatus(fixture.server.port, { origin: undefined })).toBe(403);
    expect(fixture.logger.has('connection refused', { reason: 'no Origin header' })).toBe(true);
  });

  it('refuses an extension id that is not configured', async () => {
    fixture = await startFixture();
    const other = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';
    expect(await refusalStatus(fixture.server.port, { origin: other })).toBe(403);
  });

  it('refuses Firefox origins unless moz-extension://* is configured', async () => {
    fixture = await startFixture();
    expect(await refusalStatus(fixture.server.port, { origin: FIREFOX_ORIGIN })).toBe(403);
  });

  it('accepts any Firefox extension with moz-extension://*, leaving trust to the token', async () => {
    fixture = await startFixture({ allowedOrigins: ['moz-extension://*'] });
    const token = await fixture.issueToken(FIREFOX_ORIGIN);
    const client = await connect(fixture.server.port, { origin: FIREFOX_ORIGIN });
    client.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      token,
      client: { ...CLIENT_INFO, browser: 'firefox' },
    });
    await client.next('welcome');
    await client.close();

    const stranger = await connect(fixture.server.port, { origin: FIREFOX_ORIGIN });
    stranger.send({
      type: 'hello',
      v: PROTOCOL_VERSION,
      token: 'x'.repeat(43),
      client: CLIENT_INFO,
    });
    expect((await stranger.next('error')).code).toBe('not-paired');
    expect((await stranger.closed).code).toBe(4401);
  });

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    fixture = await startFixture();
    const { port } = fixture.server;
    expect(await refusalStatus(port, { headers: { Host: `rebind.example.com:${port}` } })).toBe(
      403,
    );
    expect(await refusalStatus(port, { headers: { Host: `192.168.1.20:${port}` } })).toBe(403);
    expect(await refusalStatus(port, { headers: { Host: `localhost:${port}` } })).toBe(101);
    expect(
      fixture.logger.has('connection refused', { reason: 'Host header is not a loopback address' }),
    ).toBe(true);
  });

  it('refuses credentials in the URL', async () => {
    fixture = await startFixture();
    expect(await refusalStatus(fixture.server.port, { path: '/?token=abc' })).toBe(400);
  });

  it('answers plain HTTP with 426 and no body', async () => {
    fixture = await startFixture();
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: fixture.server.port, path: '/' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += String(chunk)));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(426);
    expect(body).toBe('');
  });

  it('refuses upgrades beyond the connection limit with 503', async () => {
    fixture = await startFixture({ maxConnections: 1 });
    await fixture.pairedClient();
    expect(await refusalStatus(fixture.server.port, {})).toBe(503);
  });

  it("keeps silent sockets of another extension from taking the paired extension's place", async () => {
    const stranger = 'moz-extension://11111111-2222-4333-8444-555555555555';
    fixture = await startFixture({ allowedOrigins: [CHROME_ORIGIN, 'moz-extension://*'] });
    const opened = await Promise.allSettled(
      Array.from({ length: 40 }, () => connect(fixture.server.port, { origin: stranger })),
    );
    const silent = opened.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    expect(silent.length).toBe(2);
    expect(fixture.server.pendingConnections()).toBe(2);
    const paired = await fixture.pairedClient();
    paired.send({ type: 'ping', t: 1 });
    await paired.next('pong');
    await Promise.all(silent.map((socket) => socket.close()));
  });

  it('refuses a token replayed from another admitted origin', async () => {
    const otherFirefox = 'moz-extension://11111111-2222-4333-8444-555555555555';
    fixture = await startFixture({ allowedOrigins: [CHROME_ORIGIN, 'moz-extension://*'] });
    const token = await fixture.issueToken(CHROME_ORIGIN);
    for (const origin of [otherFirefox, FIREFOX_ORIGIN]) {
      const replay = await connect(fixture.server.port, { origin });
      replay.send({ type: 'hello', v: PROTOCOL_VERSION, token, client: CLIENT_INFO });
      expect((await replay.next('error')).code).toBe('not-paired');
      expect((await replay.closed).code).toBe(4401);
    }
    const owner = await connect(fixture.server.port, { origin: CHROME_ORIGIN });
    owner.send({ type: 'hello', v: PROTOCOL_VERSION, token, client: CLIENT_INFO });
    await owner.next('welcome');
    await owner.close();
  });
});
