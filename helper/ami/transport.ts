/**
 * The seam between the AMI client and the network, so the client can be driven by an
 * in-memory connection in tests and benchmarks.
 */

export interface AmiEndpoint {
  readonly host: string;
  readonly port: number;
}

/** Callbacks a transport calls for one connection; neither is called after the other ends it. */
export interface AmiConnectionHandlers {
  onData(chunk: Buffer): void;
  /** Called once when the connection is gone, with the socket error if there was one. */
  onClose(error?: Error): void;
}

export interface AmiConnection {
  write(bytes: Buffer): void;
  /** Graceful close after pending writes. */
  end(): void;
  /** Immediate close; used for a half-open socket. */
  destroy(): void;
}

export interface AmiTransport {
  /**
   * Opens a connection. Rejects (with AmiConnectError for network failures) if it cannot be
   * opened or the signal aborts first; after it resolves, the end of the connection is
   * reported through `handlers.onClose`.
   */
  connect(
    endpoint: AmiEndpoint,
    handlers: AmiConnectionHandlers,
    signal: AbortSignal,
  ): Promise<AmiConnection>;
}
