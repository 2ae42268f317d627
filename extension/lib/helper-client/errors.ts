import type { ErrorCode } from '../../../shared/protocol';

/** A request was made while no authenticated connection to the helper exists. */
export class HelperNotConnectedError extends Error {
  override readonly name = 'HelperNotConnectedError';
  constructor() {
    super(
      'The helper is not connected: start it on this computer and check its address in the options.',
    );
  }
}

/** The connection dropped while a request was waiting for its reply. */
export class HelperConnectionLostError extends Error {
  override readonly name = 'HelperConnectionLostError';
  constructor() {
    super(
      'The connection to the helper was lost before it answered; try again once it reconnects.',
    );
  }
}

/** The helper did not answer a request in time. */
export class HelperTimeoutError extends Error {
  override readonly name = 'HelperTimeoutError';
  constructor(requestType: string, timeoutMs: number) {
    super(
      `The helper did not answer "${requestType}" within ${Math.round(timeoutMs / 1000)} s; check that it is running and not overloaded.`,
    );
  }
}

/** The helper answered a request with an `error` frame. */
export class HelperRequestError extends Error {
  override readonly name = 'HelperRequestError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Pairing did not happen: the helper `refused` the code (its error `code`
 * says why when it sent one), or it was `unreachable`, or a newer attempt
 * `superseded` this one.
 */
export class PairingFailedError extends Error {
  override readonly name = 'PairingFailedError';
  constructor(
    message: string,
    readonly kind: 'refused' | 'unreachable' | 'superseded',
    readonly code?: ErrorCode,
  ) {
    super(message);
  }
}
