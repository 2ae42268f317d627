import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters, safe in JSON and storage APIs. */
export function generatePairingToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this hash, so the state file cannot be replayed. */
export function hashPairingToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Public handle for listing and revoking; unrelated to the token's value. */
export function generatePairingId(): string {
  return randomBytes(6).toString('hex');
}
