/** The byte side of one FastAGI session, so a session can be driven without a socket. */
export interface AgiConnection {
  /** The PBX's address as the socket saw it. */
  readonly remoteAddress: string;
  write(text: string): void;
  /** Closes after what was written is sent: Asterisk then continues the dialplan. */
  end(): void;
}
