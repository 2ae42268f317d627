import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PairingCodeError,
  PairingStateCorruptError,
  UnknownPairingError,
} from '../../../../../helper/workstation/pairing/errors';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';

const CLIENT = { name: 'Courier Telephony', version: '0.1.0', browser: 'chrome' };
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const OTHER = 'moz-extension://0f8a6c1e-3b2d-4c5e-9a7f-123456789abc';
let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'pairing-'));
});

afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

async function failure(attempt: Promise<unknown>): Promise<PairingCodeError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PairingCodeError);
  return error as PairingCodeError;
}

describe('PairingStore codes', () => {
  it('creates six-digit codes valid for ten minutes by default', async () => {
    const store = new PairingStore({ stateDir, now: () => 1_000 });
    const created = await store.createPairingCode();
    expect(created.code).toMatch(/^\d{6}$/);
    expect(created.expiresAt).toBe(1_000 + 10 * 60_000);
  });

  it('redeems a code once for a 32-byte base64url token that verifies', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    const issued = await store.redeem(code, CLIENT, ORIGIN);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.verify(issued.token, ORIGIN)).toMatchObject({
      id: issued.id,
      label: CLIENT,
    });
    const last = issued.token.at(-1) === 'A' ? 'B' : 'A';
    expect(await store.verify(`${issued.token.slice(0, -1)}${last}`, ORIGIN)).toBeNull();
    expect((await failure(store.redeem(code, CLIENT, ORIGIN))).reason).toBe('none-pending');
  });

  it('accepts a code typed with spaces or a dash', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    await expect(
      store.redeem(`${code.slice(0, 3)}-${code.slice(3)}`, CLIENT, ORIGIN),
    ).resolves.toBeDefined();
  });

  it('refuses an expired code and forgets it', async () => {
    let now = 0;
    const store = new PairingStore({ stateDir, now: () => now });
    const { code } = await store.createPairingCode({ ttlMs: 60_000 });
    now = 60_000;
    expect((await failure(store.redeem(code, CLIENT, ORIGIN))).reason).toBe('expired');
    expect((await failure(store.redeem(code, CLIENT, ORIGIN))).reason).toBe('none-pending');
  });

  it('slows an origin that guesses wrong, never voiding the code for the right one', async () => {
    let now = 1_000;
    const store = new PairingStore({ stateDir, now: () => now });
    const { code } = await store.createPairingCode();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const wrong = await failure(store.redeem(wrongCodeFor(code), CLIENT, OTHER));
      expect(wrong.reason).toBe('wrong-code');
      waits.push(wrong.retryAfterMs);
      const early = await failure(store.redeem(code, CLIENT, OTHER));
      expect(early.reason).toBe('throttled');
      expect(early.message).toMatch(/try again in \d+ s/);
      now += wrong.retryAfterMs;
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    const issued = await store.redeem(code, CLIENT, ORIGIN);
    expect(await store.verify(issued.token, ORIGIN)).toMatchObject({ id: issued.id });
  });

  it('lets a new code replace the pending one', async () => {
    let now = 0;
    const store = new PairingStore({ stateDir, now: () => now });
    const first = await store.createPairingCode();
    const second = await store.createPairingCode();
    if (first.code !== second.code) {
      expect((await failure(store.redeem(first.code, CLIENT, ORIGIN))).reason).toBe('wrong-code');
      now += 1_000;
    }
    await expect(store.redeem(second.code, CLIENT, ORIGIN)).resolves.toBeDefined();
  });

  it('hands a code to exactly one of many concurrent redeemers in other instances', async () => {
    const { code } = await new PairingStore({ stateDir }).createPairingCode();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => new PairingStore({ stateDir }).redeem(code, CLIENT, ORIGIN)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await new PairingStore({ stateDir }).list()).toHaveLength(1);
  });
});

describe('PairingStore tokens', () => {
  async function pairTwo(store: PairingStore) {
    const tokens = [];
    for (const browser of ['chrome', 'firefox']) {
      const { code } = await store.createPairingCode();
      tokens.push(await store.redeem(code, { ...CLIENT, browser }, ORIGIN));
    }
    return tokens;
  }

  it('lists pairings with labels and times, and revokes one or all', async () => {
    let now = 5_000;
    const store = new PairingStore({ stateDir, now: () => now });
    const [chrome, firefox] = await pairTwo(store);
    now = 9_000;
    await store.verify(chrome!.token, ORIGIN);
    expect(await store.list()).toEqual([
      { id: chrome!.id, label: CLIENT, origin: ORIGIN, createdAt: 5_000, lastSeenAt: 9_000 },
      {
        id: firefox!.id,
        label: { ...CLIENT, browser: 'firefox' },
        origin: ORIGIN,
        createdAt: 5_000,
      },
    ]);

    expect(await store.revoke(chrome!.id)).toBe(1);
    expect(await store.verify(chrome!.token, ORIGIN)).toBeNull();
    expect(await store.verify(firefox!.token, ORIGIN)).not.toBeNull();
    await expect(store.revoke(chrome!.id)).rejects.toThrow(UnknownPairingError);
    expect(await store.revoke('all')).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('accepts a token only from the origin that redeemed the code', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    const { token } = await store.redeem(code, CLIENT, ORIGIN);
    expect(await store.verify(token, OTHER)).toBeNull();
    expect(await store.verify(token, ORIGIN)).toMatchObject({ origin: ORIGIN });
  });

  it('binds a token issued before tokens were bound to the first origin that uses it', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    const { token } = await store.redeem(code, CLIENT, ORIGIN);
    const state = JSON.parse(await readFile(store.path, 'utf8')) as {
      tokens: { origin?: string }[];
    };
    for (const record of state.tokens) delete record.origin;
    await writeFile(store.path, JSON.stringify(state));
    expect(await store.verify(token, OTHER)).toMatchObject({ origin: OTHER });
    expect(await store.verify(token, ORIGIN)).toBeNull();
  });

  it('stores only hashes, in a file only the owner can read', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    const pendingText = await readFile(store.path, 'utf8');
    expect(pendingText).not.toContain(code);
    const { token } = await store.redeem(code, CLIENT, ORIGIN);
    const text = await readFile(store.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain(code);
    if (process.platform !== 'win32') {
      expect((await stat(store.path)).mode & 0o777).toBe(0o600);
      expect((await stat(stateDir)).mode & 0o077).toBe(0);
    }
  });

  it('reports a damaged state file with a fix', async () => {
    const store = new PairingStore({ stateDir });
    await writeFile(store.path, '{"version":1,"tokens":"oops"}');
    await expect(store.verify('x'.repeat(43), ORIGIN)).rejects.toThrow(PairingStateCorruptError);
    await writeFile(store.path, 'not json');
    await expect(store.list()).rejects.toThrow(/Delete it and pair the browsers again/);
  });
});
