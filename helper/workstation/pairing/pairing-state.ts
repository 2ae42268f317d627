import * as v from 'valibot';

const Timestamp = v.pipe(v.number(), v.integer(), v.minValue(0));
const Text = v.pipe(v.string(), v.maxLength(64));
const Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]+$/));

/** A browser origin: `chrome-extension://<id>` or `moz-extension://<uuid>`. */
const Origin = v.pipe(v.string(), v.maxLength(128));

const TokenRecord = v.object({
  id: Hex,
  hash: Hex,
  label: v.object({ name: Text, browser: Text, version: Text }),
  /**
   * The origin that redeemed the code; the token works from it alone. Absent in files from
   * before tokens were bound: such a token is bound at its next use.
   */
  origin: v.optional(Origin),
  createdAt: Timestamp,
  lastSeenAt: v.optional(Timestamp),
  /** `policy` for a token issued to a managed-pairing proof; absent for a pairing code. */
  via: v.optional(v.literal('policy')),
});
export type TokenRecord = v.InferOutput<typeof TokenRecord>;

/** Wrong codes from one origin, and when it may try again. */
const OriginThrottle = v.object({
  origin: Origin,
  failures: v.pipe(v.number(), v.integer(), v.minValue(1)),
  retryAt: Timestamp,
});
export type OriginThrottle = v.InferOutput<typeof OriginThrottle>;

const PendingCode = v.object({
  salt: Hex,
  hash: Hex,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  /** Files written before the per-origin throttle count wrong codes here; it is ignored. */
  failedAttempts: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  throttled: v.optional(v.array(OriginThrottle)),
});
export type PendingCode = v.InferOutput<typeof PendingCode>;

/**
 * Contents of the pairing state file. One pending code at a time: a new
 * `courier-helper pair` replaces the previous code and its throttles.
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
