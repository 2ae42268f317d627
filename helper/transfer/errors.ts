/** The card asked for a transfer that cannot be made for this caller; says what is missing. */
export class TransferRefusedError extends Error {
  override readonly name = 'TransferRefusedError';
}

/** The transfer settings cannot work; says which key to change. */
export class TransferConfigError extends Error {
  override readonly name = 'TransferConfigError';

  constructor(key: string, problem: string) {
    super(`transfer.${key} ${problem}`);
  }
}
