import type { ManagedProof } from './managed-pairing';

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
  /** The extension origin the token is bound to. */
  origin?: string;
  createdAt: number;
  lastSeenAt?: number;
  /** Paired by the browser policy's proof (`websocket.pairingSecret`) rather than a code. */
  via?: 'policy';
}

/** A token handed to the extension once, at pairing time. */
export interface IssuedToken {
  id: string;
  token: string;
}

/**
 * What the WebSocket transport needs from pairing: turn a code into a token
 * and recognise a token later. Implemented by `PairingStore`. `origin` is the connecting
 * extension's Origin header, which a web page or another extension cannot forge.
 */
export interface PairingAuthority {
  /**
   * Issues a token bound to `origin`. Throws a `PairingCodeError` explaining what the user
   * should do next; wrong codes slow that origin down, never other origins.
   */
  redeem(code: string, client: ClientLabel, origin: string): Promise<IssuedToken>;
  /**
   * Issues a token bound to `origin` for a managed-pairing proof (see
   * `ManagedPairingVerifier`); throws a `ManagedPairingError` when the proof does not hold.
   */
  pairManaged(proof: ManagedProof, client: ClientLabel, origin: string): Promise<IssuedToken>;
  /** `null` when the token was never issued, has been revoked, or belongs to another origin. */
  verify(token: string, origin: string): Promise<PairedClient | null>;
}
