export type PairingCodeFailure = 'none-pending' | 'expired' | 'wrong-code' | 'throttled';

const RUN_PAIR = 'Run `courier-helper pair` on this computer to get a new code.';

/** Whole seconds to wait, at least one, for messages. */
export function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function describeFailure(reason: PairingCodeFailure, retryAfterMs: number): string {
  switch (reason) {
    case 'none-pending':
      return `No pairing code is waiting: it was already used, expired or replaced. ${RUN_PAIR}`;
    case 'expired':
      return `The pairing code has expired. ${RUN_PAIR}`;
    case 'wrong-code':
      return `The pairing code does not match. Check the code shown by \`helper pair\` and try again in ${seconds(retryAfterMs)} s.`;
    case 'throttled':
      return `Too many wrong codes from this browser: try again in ${seconds(retryAfterMs)} s.`;
  }
}

/** A pairing code could not be redeemed; the message tells the user what to do. */
export class PairingCodeError extends Error {
  override readonly name = 'PairingCodeError';
  constructor(
    readonly reason: PairingCodeFailure,
    /** For `wrong-code` and `throttled`: when this browser may try again. */
    readonly retryAfterMs = 0,
  ) {
    super(describeFailure(reason, retryAfterMs));
  }
}

/** The pairing state file exists but cannot be understood. */
export class PairingStateCorruptError extends Error {
  override readonly name = 'PairingStateCorruptError';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(
      `The pairing state file ${path} is damaged (${detail}). Delete it and pair the browsers again with \`helper pair\`.`,
    );
  }
}

/** Another process held the pairing state lock for too long. */
export class PairingLockTimeoutError extends Error {
  override readonly name = 'PairingLockTimeoutError';
  constructor(readonly lockPath: string) {
    super(
      `Timed out waiting for the pairing state lock ${lockPath}. If no other helper command is running, delete that file and retry.`,
    );
  }
}

/** `revoke` was given an id that no paired client has. */
export class UnknownPairingError extends Error {
  override readonly name = 'UnknownPairingError';
  constructor(readonly id: string) {
    super(
      `No paired client has the id "${id}". Run \`helper pairings\` to list the ids, or pass "all" to revoke every pairing.`,
    );
  }
}
