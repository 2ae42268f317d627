import * as v from 'valibot';

const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));
const Text = v.pipe(v.string(), v.maxLength(64));
const Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]+$/));

const TokenRecord = v.object({
  id: Hex,
  hash: Hex,
  label: v.object({ name: Text, browser: Text, version: Text }),
  createdAt: Timestamp,
  lastSeenAt: v.optional(Timestamp),
});
export type TokenRecord = v.InferOutput<typeof TokenRecord>;

const PendingCode = v.object({
  salt: Hex,
  hash: Hex,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  failedAttempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type PendingCode = v.InferOutput<typeof PendingCode>;

/**
 * Contents of the pairing state file. One pending code at a time: a new
 * `courier-helper pair` replaces the previous code, which keeps the wrong-attempt
 * budget unambiguous.
 */
export const PairingState = v.object({
  version: v.literal(1),
  tokens: v.array(TokenRecord),
  pendingCode: v.optional(PendingCode),
});
export type PairingState = v.InferOutput<typeof PairingState>;

export function emptyPairingState(): PairingState {
  return { version: 1, tokens: [] };
}
