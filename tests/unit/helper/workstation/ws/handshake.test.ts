import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';
import { managedPairingText, PROTOCOL_VERSION } from '../../../../../shared/protocol';
import {
  SAMPLE_CALL,
  SAMPLE_STATUS,
} from '../../../../support/helper/workstation/ws/fake-helper-api';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';
import {
  CHROME_ORIGIN,
  CLIENT_INFO,
  connect,
  type TestClient,
} from '../../../../support/helper/workstation/ws/ws-test-client';

let fixture: ServerFixture;

afterEach(async () => {
  await fixture.dispose();
});

function hello(client: TestClient, token: string): void {
  client.send({ type: 'hello', v: PROTOCOL_VERSION, token, client: CLIENT_INFO });
}

function pair(client: TestClient, code: string): void {
  client.send({ type: 'pair', v: PROTOCOL_VERSION, code, client: CLIENT_INFO });
}

async function pairWith(code: string) {
  const client = await connect(fixture.server.port);
  pair(client, code);
  return client;
}

describe('first frame: hello', () => {
  it('welcomes a paired token with the status and calls in progress', async () => {
    fixture = await startFixture();
    const token = await fixture.issueToken();
    const client = await connect(fixture.server.port);
    hello(client, token);
    const welcome = await client.next('welcome');
    expect(welcome).toEqual({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      status: SAMPLE_STATUS,
      calls: [SAMPLE_CALL],
    });
    expect(fixture.api.subscriberCount()).toBe(1);
    await client.close();
  });

  it('closes a connection that sends nothing within the hello timeout', async () => {
    fixture = await startFixture({ helloTimeoutMs: 150 });
    const client = await connect(fixture.server.port);
    const error = await client.next('error');
    expect(error.code).toBe('not-paired');
    expect((await client.closed).code).toBe(4401);
    expect(fixture.logger.has('connection refused', { reason: 'no hello in time' })).toBe(true);
    expect(fixture.api.subscriberCount()).toBe(0);
  });

  it('refuses an unknown token with not-paired', async () => {
    fixture = await startFixture();
    const client = await connect(fixture.server.port);
    hello(client, 'A'.repeat(43));
    const error = await client.next('error');
    expect(error.code).toBe('not-paired');
    expect(error.message).toContain('helper pair');
    expect((await client.closed).code).toBe(4401);
  });

  it('refuses a revoked token, revoked by another process', async () => {
    fixture = await startFixture();
    const token = await fixture.issueToken();
    const [paired] = await fixture.pairing.list();
    await new PairingStore({ stateDir: fixture.stateDir }).revoke(paired!.id);
    const client = await connect(fixture.server.port);
    hello(client, token);
    expect((await client.next('error')).code).toBe('not-paired');
    expect((await client.closed).code).toBe(4401);
  });

  it('refuses any other first frame without calling the api', async () => {
    fixture = await startFixture();
    const client = await connect(fixture.server.port);
    client.send({ type: 'dial', id: 'd1', number: '+79161234567', source: 'popup' });
    expect((await client.next('error')).code).toBe('not-paired');
    expect((await client.closed).code).toBe(4401);
    expect(fixture.api.calls).toEqual([]);
  });

  it('refuses a malformed first frame', async () => {
    fixture = await startFixture();
    const client = await connect(fixture.server.port);
    client.send('{"type":"hello"');
    expect((await client.next('error')).code).toBe('not-paired');
    expect((await client.closed).code).toBe(4401);
  });

  it('tells an extension of another protocol version to update', async () => {
    fixture = await startFixture();
    const token = await fixture.issueToken();
    const client = await connect(fixture.server.port);
    client.send({ type: 'hello', v: PROTOCOL_VERSION + 1, token, client: CLIENT_INFO });
    expect((await client.next('error')).code).toBe('unsupported-version');
    expect((await client.closed).code).toBe(4426);
  });

  it('handles requests sent right behind hello, in order', async () => {
    fixture = await startFixture();
    const token = await fixture.issueToken();
    const client = await connect(fixture.server.port);
    hello(client, token);
    client.send({ type: 'ping', t: 1 });
    client.send({ type: 'ping', t: 2 });
    await client.next('welcome');
    expect((await client.next('pong')).t).toBe(1);
    expect((await client.next('pong')).t).toBe(2);
    await client.close();
  });
});

describe('first frame: pair', () => {
  it('pairs with a code created by another store on the same file, then the token says hello', async () => {
    fixture = await startFixture();
    const cli = new PairingStore({ stateDir: fixture.stateDir });
    const { code } = await cli.createPairingCode();
    const client = await pairWith(code);
    const paired = await client.next('paired');
    expect(paired.status).toEqual(SAMPLE_STATUS);
    expect(paired.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    client.send({ type: 'ping', t: 7 });
    expect((await client.next('pong')).t).toBe(7);
    expect(fixture.api.subscriberCount()).toBe(1);
    await client.close();

    const again = await connect(fixture.server.port);
    hello(again, paired.token);
    await again.next('welcome');
    await again.close();

    const listed = await cli.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]?.label).toEqual(CLIENT_INFO);
    expect(fixture.logger.text()).not.toContain(code);
    expect(fixture.logger.text()).not.toContain(paired.token);
  });

  it('refuses an expired code', async () => {
    fixture = await startFixture();
    const { code } = await fixture.pairing.createPairingCode({ ttlMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const client = await pairWith(code);
    const error = await client.next('error');
    expect(error.code).toBe('pairing-failed');
    expect(error.message).toContain('expired');
    expect((await client.closed).code).toBe(4401);
  });

  it('refuses a code that was already used', async () => {
    fixture = await startFixture();
    const { code } = await fixture.pairing.createPairingCode();
    const first = await pairWith(code);
    await first.next('paired');
    const second = await pairWith(code);
    const error = await second.next('error');
    expect(error.code).toBe('pairing-failed');
    expect(error.message).toContain('already used');
    await first.close();
  });

  it('slows another extension guessing codes, and still pairs the one with the right code', async () => {
    const stranger = 'moz-extension://11111111-2222-4333-8444-555555555555';
    fixture = await startFixture({ allowedOrigins: [CHROME_ORIGIN, 'moz-extension://*'] });
    const { code } = await fixture.pairing.createPairingCode();
    const wrong = code === '000000' ? '111111' : '000000';
    const messages: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const client = await connect(fixture.server.port, { origin: stranger });
      pair(client, wrong);
      messages.push((await client.next('error')).message);
      await client.closed;
    }
    expect(messages[0]).toContain('does not match');
    expect(messages.slice(1).every((message) => message.includes('try again in'))).toBe(true);
    const owner = await pairWith(code);
    const paired = await owner.next('paired');
    expect(paired.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await fixture.pairing.list()).toMatchObject([{ origin: CHROME_ORIGIN }]);
    await owner.close();
  });
});

describe('first frame: pair.managed', () => {
  const SECRET = 'office-secret-0123456789abcdef0123456789';
  const managedFrame = (origin: string, secret = SECRET) => {
    const issuedAt = Date.now();
    const nonce = randomBytes(16).toString('hex');
    const proof = createHmac('sha256', secret)
      .update(managedPairingText(origin, issuedAt, nonce))
      .digest('hex');
    return {
      type: 'pair.managed',
      v: PROTOCOL_VERSION,
      issuedAt,
      nonce,
      proof,
      client: CLIENT_INFO,
    };
  };

  it('pairs the extension whose proof holds for its origin; the token then says hello', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'ws-managed-'));
    fixture = await startFixture({
      pairing: new PairingStore({ stateDir, managedSecret: SECRET }),
    });
    const client = await connect(fixture.server.port);
    client.send(managedFrame(CHROME_ORIGIN));
    const paired = await client.next('paired');
    await client.close();
    const again = await connect(fixture.server.port);
    hello(again, paired.token);
    await again.next('welcome');
    await again.close();
    expect(fixture.logger.text()).not.toContain(SECRET);
    await rm(stateDir, { recursive: true, force: true });
  });

  it('refuses a wrong secret, and any managed pairing while the helper has no secret', async () => {
    fixture = await startFixture();
    const client = await connect(fixture.server.port);
    client.send(managedFrame(CHROME_ORIGIN));
    const error = await client.next('error');
    expect(error.code).toBe('pairing-failed');
    expect(error.message).toContain('websocket.pairingSecret');
    expect((await client.closed).code).toBe(4401);
  });
});
