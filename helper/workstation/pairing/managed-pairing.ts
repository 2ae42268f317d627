import { createHmac, timingSafeEqual } from 'node:crypto';
import { managedPairingText, type ClientMessageOf } from '../../../shared/protocol';
import { seconds } from './errors';
import { retryDelayAfter } from './pairing-code';

export type ManagedProof = Pick<ClientMessageOf<'pair.managed'>, 'issuedAt' | 'nonce' | 'proof'>;

export type ManagedPairingFailure =
  'not-configured' | 'stale' | 'replayed' | 'wrong-proof' | 'throttled';

/**
 * How far the extension's clock may be from the helper's. Both run on the same computer,
 * so this only has to cover a slow start of the extension's worker.
 */
export const MANAGED_PROOF_WINDOW_MS = 5 * 60_000;

/** Nonces and throttled origins remembered at most; a flood cannot grow memory. */
const MAX_REMEMBERED = 1024;

function describe(reason: ManagedPairingFailure, retryAfterMs: number): string {
  switch (reason) {
    case 'not-configured':
      return 'This helper has no managed-pairing secret (websocket.pairingSecret); pair with the code from `helper pair`.';
    case 'stale':
      return "The managed-pairing proof is too old or from the future; check this computer's clock.";
    case 'replayed':
      return 'This managed-pairing proof was already used; the extension signs a new one each time.';
    case 'wrong-proof':
      return `The managed-pairing proof does not match the helper's secret: websocket.pairingSecret and the browser policy's pairingSecret must be the same. Try again in ${seconds(retryAfterMs)} s.`;
    case 'throttled':
      return `Too many wrong managed-pairing proofs from this browser: try again in ${seconds(retryAfterMs)} s.`;
  }
}

/** A managed pairing was refused; the message says what IT should check. */
export class ManagedPairingError extends Error {
  override readonly name = 'ManagedPairingError';
  constructor(
    readonly reason: ManagedPairingFailure,
    readonly retryAfterMs = 0,
  ) {
    super(describe(reason, retryAfterMs));
  }
}

/**
 * Checks managed-pairing proofs: HMAC-SHA-256 under the office's secret of the connecting
 * origin, a recent time and a fresh nonce. The secret itself never crosses the socket, and
 * the browser sets the Origin header, so only the extension the policy configured — the one
 * that can read its managed storage — can make a proof that passes for its own origin.
 * Wrong proofs slow that origin down as wrong pairing codes do.
 */
export class ManagedPairingVerifier {
  private readonly seenNonces = new Map<string, number>();
  private readonly throttled = new Map<string, { failures: number; retryAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws a `ManagedPairingError` unless the proof is good for `origin`. */
  check(proof: ManagedProof, origin: string): void {
    if (this.secret === '') throw new ManagedPairingError('not-configured');
    const now = this.now();
    this.forgetExpired(now);
    const throttle = this.throttled.get(origin);
    if (throttle !== undefined && now < throttle.retryAt) {
      throw new ManagedPairingError('throttled', throttle.retryAt - now);
    }
    if (Math.abs(now - proof.issuedAt) > MANAGED_PROOF_WINDOW_MS) {
      throw new ManagedPairingError('stale');
    }
    if (!this.matches(proof, origin)) {
      const failures = (throttle?.failures ?? 0) + 1;
      const retryAt = now + retryDelayAfter(failures);
      this.throttled.delete(origin);
      this.throttled.set(origin, { failures, retryAt });
      trim(this.throttled);
      throw new ManagedPairingError('wrong-proof', retryAt - now);
    }
    if (this.seenNonces.has(proof.nonce)) throw new ManagedPairingError('replayed');
    this.seenNonces.set(proof.nonce, proof.issuedAt + MANAGED_PROOF_WINDOW_MS);
    trim(this.seenNonces);
    this.throttled.delete(origin);
  }

  private matches(proof: ManagedProof, origin: string): boolean {
    const expected = createHmac('sha256', this.secret)
      .update(managedPairingText(origin, proof.issuedAt, proof.nonce))
      .digest();
    const given = Buffer.from(proof.proof, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private forgetExpired(now: number): void {
    for (const [nonce, until] of this.seenNonces) if (until < now) this.seenNonces.delete(nonce);
  }
}

/** Drops the oldest entries past the limit (a Map keeps insertion order). */
function trim(map: Map<string, unknown>): void {
  for (const key of map.keys()) {
    if (map.size <= MAX_REMEMBERED) return;
    map.delete(key);
  }
}
