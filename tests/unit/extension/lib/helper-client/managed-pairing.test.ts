import { createHmac, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HelperClient } from '../../../../../extension/lib/helper-client/helper-client';
import { signManagedProof } from '../../../../../extension/lib/helper-client/managed-proof';
import { managedPairingText, PROTOCOL_VERSION } from '../../../../../shared/protocol';
import { fakeSocketFactory } from '../../../../support/extension/lib/helper-client/fake-websocket';
import { status, TOKEN } from '../../../../support/extension/samples';

const ENDPOINT = { host: '127.0.0.1', port: 47800 };
const ORIGIN = 'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl';
const SECRET = 'office-secret-0123456789abcdef0123456789';

/** Lets the signing promise settle under fake timers. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/**
 * The client's signer with Node's HMAC: Web Crypto settles on a thread pool, which fake
 * timers cannot flush. Both make the same proof (checked by the first test).
 */
async function nodeSigner(secret: string, origin: string, now = Date.now()) {
  const nonce = randomBytes(16).toString('hex');
  const proof = createHmac('sha256', secret)
    .update(managedPairingText(origin, now, nonce))
    .digest('hex');
  return { issuedAt: now, nonce, proof };
}

function setup() {
  const factory = fakeSocketFactory();
  const onManagedToken = vi.fn<(token: string) => void>();
  const client = new HelperClient({
    createSocket: factory.create,
    client: { name: 'Courier Telephony', version: '0.1.0', browser: 'chrome' },
    random: () => 1,
    origin: ORIGIN,
    signProof: nodeSigner,
    onManagedToken,
    log: () => undefined,
  });
  const socket = () => {
    const found = factory.sockets.at(-1);
    if (!found) throw new Error('no socket');
    return found;
  };
  return { client, factory, socket, onManagedToken };
}

describe('managed pairing in the helper client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs an HMAC of its origin, time and nonce that the helper can recompute', async () => {
    const proof = await signManagedProof(SECRET, ORIGIN, 1_700_000_000_000);
    expect(proof.nonce).toMatch(/^[0-9a-f]{32}$/);
    const expected = createHmac('sha256', SECRET)
      .update(managedPairingText(ORIGIN, 1_700_000_000_000, proof.nonce))
      .digest('hex');
    expect(proof.proof).toBe(expected);
    expect((await signManagedProof(SECRET, ORIGIN)).nonce).not.toBe(proof.nonce);
  });

  it('pairs by itself with a policy secret and hands the new token over', async () => {
    const { client, socket, onManagedToken } = setup();
    client.configure({ endpoint: ENDPOINT, token: null, managedSecret: SECRET });
    socket().serverOpen();
    await settle();
    const frame = socket().sent[0];
    expect(frame).toMatchObject({ type: 'pair.managed', v: PROTOCOL_VERSION });
    expect(JSON.stringify(frame)).not.toContain(SECRET);
    socket().serverSend({ type: 'paired', v: PROTOCOL_VERSION, token: TOKEN, status: status() });
    expect(client.connection.state).toBe('connected');
    expect(onManagedToken).toHaveBeenCalledWith(TOKEN);
    // Storing the token reconfigures with it: the open session carries on.
    client.configure({ endpoint: ENDPOINT, token: TOKEN, managedSecret: SECRET });
    expect(client.connection.state).toBe('connected');
  });

  it("stops with the helper's reason when the secrets differ", async () => {
    const { client, socket, factory } = setup();
    client.configure({ endpoint: ENDPOINT, token: null, managedSecret: SECRET });
    socket().serverOpen();
    await settle();
    socket().serverSend({
      type: 'error',
      code: 'pairing-failed',
      message: 'The managed-pairing proof does not match.',
    });
    expect(client.connection).toEqual({
      state: 'not-paired',
      reason: 'The managed-pairing proof does not match.',
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(factory.sockets).toHaveLength(1);
  });

  it('pairs again by policy when the helper no longer knows its token', async () => {
    const { client, socket, factory } = setup();
    client.configure({ endpoint: ENDPOINT, token: TOKEN, managedSecret: SECRET });
    socket().serverOpen();
    expect(socket().sent[0]).toMatchObject({ type: 'hello', token: TOKEN });
    socket().serverSend({ type: 'error', code: 'not-paired', message: 'Pair the extension.' });
    expect(factory.sockets).toHaveLength(2);
    socket().serverOpen();
    await settle();
    expect(socket().sent[0]).toMatchObject({ type: 'pair.managed' });
  });

  it('without a policy secret waits for a code as before', () => {
    const { client, factory } = setup();
    client.configure({ endpoint: ENDPOINT, token: null });
    expect(factory.sockets).toHaveLength(0);
    expect(client.connection).toEqual({ state: 'not-paired' });
  });
});
