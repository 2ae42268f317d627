import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { managedPairingText } from '../../../../../shared/protocol';
import {
  MANAGED_PROOF_WINDOW_MS,
  ManagedPairingError,
  ManagedPairingVerifier,
} from '../../../../../helper/workstation/pairing/managed-pairing';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';

const SECRET = 'office-secret-0123456789abcdef0123456789';
const OURS = 'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl';
const OTHER = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const NOW = 1_700_000_000_000;
const client = { name: 'Courier Telephony', version: '0.1.0', browser: 'chrome' };

let nonces = 0;
function proofFor(
  origin: string,
  options: { secret?: string; issuedAt?: number; nonce?: string } = {},
) {
  const issuedAt = options.issuedAt ?? NOW;
  const nonce = options.nonce ?? (++nonces).toString(16).padStart(32, '0');
  const proof = createHmac('sha256', options.secret ?? SECRET)
    .update(managedPairingText(origin, issuedAt, nonce))
    .digest('hex');
  return { issuedAt, nonce, proof };
}

function reasonOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ManagedPairingError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('ManagedPairingVerifier', () => {
  let now = NOW;
  const verifier = () => new ManagedPairingVerifier(SECRET, () => now);
  beforeEach(() => {
    now = NOW;
  });

  it('accepts a proof made with the secret for the connecting origin', () => {
    expect(reasonOf(() => verifier().check(proofFor(OURS), OURS))).toBeUndefined();
  });

  it('refuses a proof made for another origin, even with the right secret', () => {
    expect(reasonOf(() => verifier().check(proofFor(OURS), OTHER))).toBe('wrong-proof');
  });

  it('refuses a proof seen before, and one outside the time window', () => {
    const checker = verifier();
    const proof = proofFor(OURS);
    checker.check(proof, OURS);
    expect(reasonOf(() => checker.check(proof, OURS))).toBe('replayed');
    const old = proofFor(OURS, { issuedAt: NOW - MANAGED_PROOF_WINDOW_MS - 1 });
    expect(reasonOf(() => checker.check(old, OURS))).toBe('stale');
  });

  it('slows an origin that sends wrong proofs and no other', () => {
    const checker = verifier();
    const wrong = () => checker.check(proofFor(OTHER, { secret: 'guess'.repeat(8) }), OTHER);
    expect(reasonOf(wrong)).toBe('wrong-proof');
    expect(reasonOf(wrong)).toBe('throttled');
    expect(reasonOf(() => checker.check(proofFor(OURS), OURS))).toBeUndefined();
    now += 1_000;
    expect(reasonOf(wrong)).toBe('wrong-proof');
  });

  it('is off without a secret', () => {
    const off = new ManagedPairingVerifier('', () => now);
    expect(reasonOf(() => off.check(proofFor(OURS, { secret: '' }), OURS))).toBe('not-configured');
  });
});

describe('PairingStore.pairManaged', () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'ct-managed-pairing-'));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('issues a token bound to the origin that replaces its earlier managed token only', async () => {
    const store = new PairingStore({ stateDir, managedSecret: SECRET, now: () => NOW });
    const { code } = await store.createPairingCode();
    const byCode = await store.redeem(code, client, OURS);
    const first = await store.pairManaged(proofFor(OURS), client, OURS);
    const second = await store.pairManaged(proofFor(OURS), client, OURS);
    expect(await store.verify(second.token, OURS)).not.toBeNull();
    expect(await store.verify(second.token, OTHER)).toBeNull();
    expect(await store.verify(first.token, OURS)).toBeNull();
    expect(await store.verify(byCode.token, OURS)).not.toBeNull();
    expect((await store.list()).map((c) => c.id).sort()).toEqual([byCode.id, second.id].sort());
  });

  it('refuses without the secret configured', async () => {
    const store = new PairingStore({ stateDir, now: () => NOW });
    await expect(store.pairManaged(proofFor(OURS), client, OURS)).rejects.toThrow(
      /websocket\.pairingSecret/,
    );
    expect(await store.list()).toEqual([]);
  });
});
