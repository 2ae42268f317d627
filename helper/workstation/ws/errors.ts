/** The configured WebSocket port is taken, usually by another running helper. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(
      `Port ${port} on ${host} is already in use, probably by another running helper. Stop that program, or set another free port in websocket.port of the helper configuration and the same port in the extension's options.`,
    );
  }
}

/** A listen address that is reachable from other machines. */
export class NonLoopbackHostError extends Error {
  override readonly name = 'NonLoopbackHostError';
  constructor(readonly host: string) {
    super(
      `The WebSocket server listens on loopback addresses only, but websocket.hosts contains "${host}". Use 127.0.0.1 and/or ::1.`,
    );
  }
}

/** An allowed-origin entry that is not a browser extension origin. */
export class InvalidAllowedOriginError extends Error {
  override readonly name = 'InvalidAllowedOriginError';
  constructor(readonly origin: string) {
    super(
      `websocket.allowedOrigins contains "${origin}", which is not an extension origin. Use chrome-extension://<32-letter extension id> for Chromium browsers and moz-extension://* for Firefox.`,
    );
  }
}

/** None of the configured addresses could be bound. */
export class NoListenAddressError extends Error {
  override readonly name = 'NoListenAddressError';
  constructor(readonly hosts: readonly string[]) {
    super(
      `Could not listen on any of websocket.hosts (${hosts.join(', ')}): the addresses are not available on this computer. Use 127.0.0.1.`,
    );
  }
}
