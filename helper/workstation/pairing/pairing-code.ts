import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Six decimal digits. The only attack is guessing online, and guesses are slowed per
 * browser origin (PAIRING_RETRY_DELAYS_MS): a dozen or so during a code's ten minutes, a
 * chance of about 2 in 100,000, while the right code typed by the user still works.
 * Digits read aloud over the phone without spelling, cannot be confused (0/O, 1/I), and
 * type the same on a Russian keyboard layout, where letters would come out as Cyrillic.
 */
export const PAIRING_CODE_DIGITS = 6;

/**
 * How long an origin waits after its 1st, 2nd, … wrong code before it may try again; the
 * last delay repeats. A wrong code never voids the code itself: another extension guessing
 * must not lock the user out.
 */
export const PAIRING_RETRY_DELAYS_MS: readonly number[] = [
  1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000,
];

export function retryDelayAfter(failures: number): number {
  const index = Math.min(Math.max(failures, 1), PAIRING_RETRY_DELAYS_MS.length) - 1;
  return PAIRING_RETRY_DELAYS_MS[index] as number;
}

export function generatePairingCode(): string {
  return String(randomInt(0, 10 ** PAIRING_CODE_DIGITS)).padStart(PAIRING_CODE_DIGITS, '0');
}

/** Accepts what users type around the digits: spaces and dashes. */
export function normalizePairingCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function newCodeSalt(): string {
  return randomBytes(16).toString('hex');
}

export function hashPairingCode(code: string, salt: string): string {
  return createHash('sha256').update(salt).update(':').update(code).digest('hex');
}

export function pairingCodeMatches(input: string, salt: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashPairingCode(normalizePairingCode(input), salt), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
