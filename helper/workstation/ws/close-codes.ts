/** Application close codes (4000–4999), chosen to echo the matching HTTP statuses. */
export const CloseCode = {
  /** Too many malformed frames in a row. */
  badMessages: 4400,
  /** No valid `hello`/`pair` as the first frame, or the token/code was refused. */
  notPaired: 4401,
  /** The extension speaks another protocol version. */
  unsupportedVersion: 4426,
  /** The helper failed while setting the connection up. */
  internalError: 1011,
  /** The helper is shutting down. */
  goingAway: 1001,
} as const;
