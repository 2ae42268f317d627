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
    const issued = await store.redeem(code, CLIENT);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.verify(issued.token)).toMatchObject({ id: issued.id, label: CLIENT });
    const last = issued.token.at(-1) === 'A' ? 'B' : 'A';
    expect(await store.verify(`${issued.token.slice(0, -1)}${last}`)).toBeNull();
    expect((await failure(store.redeem(code, CLIENT))).reason).toBe('none-pending');
  });

  it('accepts a code typed with spaces or a dash', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    await expect(
      store.redeem(`${code.slice(0, 3)}-${code.slice(3)}`, CLIENT),
    ).resolves.toBeDefined();
  });

  it('refuses an expired code and forgets it', async () => {
    let now = 0;
    const store = new PairingStore({ stateDir, now: () => now });
    const { code } = await store.createPairingCode({ ttlMs: 60_000 });
    now = 60_000;
    expect((await failure(store.redeem(code, CLIENT))).reason).toBe('expired');
    expect((await failure(store.redeem(code, CLIENT))).reason).toBe('none-pending');
  });

  it('voids a code after five wrong attempts, counting down', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    const left: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      left.push((await failure(store.redeem(wrongCodeFor(code), CLIENT))).attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect((await failure(store.redeem(wrongCodeFor(code), CLIENT))).reason).toBe('void');
    expect((await failure(store.redeem(code, CLIENT))).reason).toBe('none-pending');
  });

  it('lets a new code replace the pending one', async () => {
    const store = new PairingStore({ stateDir });
    const first = await store.createPairingCode();
    const second = await store.createPairingCode();
    if (first.code !== second.code) {
      expect((await failure(store.redeem(first.code, CLIENT))).reason).toBe('wrong-code');
    }
    await expect(store.redeem(second.code, CLIENT)).resolves.toBeDefined();
  });

  it('hands a code to exactly one of many concurrent redeemers in other instances', async () => {
    const { code } = await new PairingStore({ stateDir }).createPairingCode();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => new PairingStore({ stateDir }).redeem(code, CLIENT)),
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
      tokens.push(await store.redeem(code, { ...CLIENT, browser }));
    }
    return tokens;
  }

  it('lists pairings with labels and times, and revokes one or all', async () => {
    let now = 5_000;
    const store = new PairingStore({ stateDir, now: () => now });
    const [chrome, firefox] = await pairTwo(store);
    now = 9_000;
    await store.verify(chrome!.token);
    expect(await store.list()).toEqual([
      { id: chrome!.id, label: CLIENT, createdAt: 5_000, lastSeenAt: 9_000 },
      { id: firefox!.id, label: { ...CLIENT, browser: 'firefox' }, createdAt: 5_000 },
    ]);

    expect(await store.revoke(chrome!.id)).toBe(1);
    expect(await store.verify(chrome!.token)).toBeNull();
    expect(await store.verify(firefox!.token)).not.toBeNull();
    await expect(store.revoke(chrome!.id)).rejects.toThrow(UnknownPairingError);
    expect(await store.revoke('all')).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('stores only hashes, in a file only the owner can read', async () => {
    const store = new PairingStore({ stateDir });
    const { code } = await store.createPairingCode();
    const pendingText = await readFile(store.path, 'utf8');
    expect(pendingText).not.toContain(code);
    const { token } = await store.redeem(code, CLIENT);
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
    await expect(store.verify('x'.repeat(43))).rejects.toThrow(PairingStateCorruptError);
    await writeFile(store.path, 'not json');
    await expect(store.list()).rejects.toThrow(/Delete it and pair the browsers again/);
  });
});
