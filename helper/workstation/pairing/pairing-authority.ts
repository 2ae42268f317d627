/** Who a token was issued to, as the extension described itself when pairing. */
export interface ClientLabel {
  name: string;
  browser: string;
  version: string;
}

/** A paired extension as listed to IT; never contains the token itself. */
export interface PairedClient {
  /** Short public identifier used to revoke this pairing. */
  id: string;
  label: ClientLabel;
  createdAt: number;
  lastSeenAt?: number;
}

/** A token handed to the extension once, at pairing time. */
export interface IssuedToken {
  id: string;
  token: string;
}

/**
 * What the WebSocket transport needs from pairing: turn a code into a token
 * and recognise a token later. Implemented by `PairingStore`.
 */
export interface PairingAuthority {
  /** Throws a `PairingCodeError` explaining what the user should do next. */
  redeem(code: string, client: ClientLabel): Promise<IssuedToken>;
  /** `null` when the token was never issued or has been revoked. */
  verify(token: string): Promise<PairedClient | null>;
}
