import * as v from 'valibot';

/** Machine-readable reasons; the UI maps each to a localized sentence. */
export const ErrorCode = v.picklist([
  'bad-message',
  'unsupported-version',
  'not-paired',
  'pairing-failed',
  'rate-limited',
  'invalid-number',
  'dial-in-progress',
  'pbx-unavailable',
  'pbx-refused',
  'db-unavailable',
  'not-found',
  'not-allowed',
  /** Too late for it: the time to note a call after its end has passed. */
  'expired',
  'internal',
]);
export type ErrorCode = v.InferOutput<typeof ErrorCode>;

export type ProtocolErrorKind =
  'invalid-json' | 'too-large' | 'unknown-type' | 'invalid-fields' | 'unsupported-version';

/** A frame that is not a valid message of this protocol version. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly kind: ProtocolErrorKind,
    message: string,
    readonly messageType?: string,
  ) {
    super(message);
  }
}
