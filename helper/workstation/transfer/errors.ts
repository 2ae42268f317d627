import type { TransferFailure } from '../../../shared/protocol';

/**
 * The card asked for a transfer that cannot be made for this caller; the message says what
 * is missing, `reason` lets the card say it in the operator's language.
 */
export class TransferRefusedError extends Error {
  override readonly name = 'TransferRefusedError';

  constructor(
    readonly reason: TransferFailure,
    message: string,
  ) {
    super(message);
  }
}
