import type { ErrorCode } from '../../../shared/protocol';

/**
 * An error the rest of the helper throws through `HelperApi` to tell the
 * extension why a request failed. Its message is shown to the user, so it
 * must say what to do and never contain a secret; anything that is not an
 * `ApiError` reaches the extension only as a generic `internal` error.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A request that this helper's mode forbids, such as a simulated call on a real PBX. */
export class NotAllowedError extends ApiError {
  override name = 'NotAllowedError';
  constructor(message: string) {
    super('not-allowed', message);
  }
}
