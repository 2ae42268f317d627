import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Six decimal digits. The only attack is guessing online, capped at
 * `MAX_CODE_ATTEMPTS` tries per code during its short lifetime (a 5 in a
 * million chance), while digits read aloud over the phone without spelling,
 * cannot be confused (0/O, 1/I), and type the same on a Russian keyboard
 * layout, where letters would come out as Cyrillic.
 */
export const PAIRING_CODE_DIGITS = 6;

/** Wrong attempts after which the pending code is void. */
export const MAX_CODE_ATTEMPTS = 5;

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
