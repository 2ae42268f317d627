/**
 * Named errors of the AMI client. Each message says what to change, and none of them
 * ever carries a configured secret or a value that was refused.
 */

export class AmiError extends Error {
  override readonly name: string = 'AmiError';
}

/** The PBX answered `Login` with an error: the account or its secret is wrong. */
export class AmiLoginError extends AmiError {
  override readonly name = 'AmiLoginError';
  constructor(
    readonly username: string,
    readonly serverMessage: string,
  ) {
    super(
      `AMI login as "${username}" was refused (${serverMessage}): check pbx.user and pbx.secret ` +
        'in the helper configuration against the account in manager.conf or manager_custom.conf ' +
        'on the PBX (its secret, and permit/deny for this workstation address).',
    );
  }
}

/** No answer to an action within its deadline. */
export class AmiTimeoutError extends AmiError {
  override readonly name = 'AmiTimeoutError';
  constructor(
    readonly action: string,
    readonly timeoutMs: number,
  ) {
    super(
      `AMI action ${action} got no answer within ${timeoutMs} ms: check that the PBX is ` +
        'reachable and not overloaded, or raise the timeout.',
    );
  }
}

/** The connection dropped (or was never up) while an action waited for its answer. */
export class AmiDisconnectedError extends AmiError {
  override readonly name = 'AmiDisconnectedError';
  constructor(
    readonly action: string | undefined,
    readonly reason: string,
  ) {
    super(
      `${action === undefined ? 'AMI' : `AMI action ${action}`}: not connected to the PBX ` +
        `(${reason}); the client reconnects by itself, retry when it is ready again.`,
    );
  }
}

/** A key or value would change the meaning of the AMI frame; nothing was written. */
export class AmiValueError extends AmiError {
  override readonly name = 'AmiValueError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`AMI value for ${JSON.stringify(key)} refused: ${problem}. Nothing was sent to the PBX.`);
  }
}

/** The PBX answered `Response: Error` to an action. */
export class AmiActionError extends AmiError {
  override readonly name: string = 'AmiActionError';
  constructor(
    readonly action: string,
    readonly serverMessage: string,
  ) {
    super(`AMI action ${action} was refused by the PBX: ${serverMessage}`);
  }
}

/** The AMI account lacks the write class an action needs. */
export class AmiPermissionError extends AmiActionError {
  override readonly name = 'AmiPermissionError';
  constructor(
    action: string,
    serverMessage: string,
    readonly requiredClass: string | undefined,
  ) {
    super(action, serverMessage);
    this.message =
      `AMI action ${action} was refused: permission denied. ` +
      (requiredClass === undefined
        ? 'Grant the AMI account the write class this action needs in manager.conf.'
        : `Add "${requiredClass}" to the write= line of the AMI account in manager.conf ` +
          '(then "manager reload").');
  }
}

/** The TCP connection to the AMI port could not be opened. */
export class AmiConnectError extends AmiError {
  override readonly name = 'AmiConnectError';
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(
      `Cannot reach AMI at ${host}:${port} (${reason}): check pbx.host and pbx.port, that ` +
        'manager.conf has enabled=yes with a bindaddr this workstation can reach, and that ' +
        'the PBX firewall admits this workstation to the AMI port.',
    );
  }
}

/** The byte stream from the PBX is not AMI, or a frame exceeds the configured bounds. */
export class AmiProtocolError extends AmiError {
  override readonly name = 'AmiProtocolError';
  constructor(readonly problem: string) {
    super(
      `AMI stream rejected: ${problem}. Check that pbx.port points at the AMI port ` +
        '(5038 by default), not at SIP or another service.',
    );
  }
}

/** The client options are invalid. */
export class AmiConfigError extends AmiError {
  override readonly name = 'AmiConfigError';
  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super(`AMI client option ${option}: ${problem}.`);
  }
}

/** The client was closed (or its signal aborted) before the operation finished. */
export class AmiClosedError extends AmiError {
  override readonly name = 'AmiClosedError';
  constructor(readonly operation: string) {
    super(`AMI ${operation} stopped: the client was closed. Create a new client to connect again.`);
  }
}
