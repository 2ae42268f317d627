import type { CallControlFailure } from '../../../shared/protocol';

/**
 * A hang-up or transfer the helper will not ask the PBX for, or that the PBX did not carry
 * out; the message says what is wrong, `reason` lets the card say it in the operator's
 * language.
 */
export class CallControlRefusedError extends Error {
  override readonly name = 'CallControlRefusedError';

  constructor(
    readonly reason: CallControlFailure,
    message: string,
  ) {
    super(message);
  }
}
