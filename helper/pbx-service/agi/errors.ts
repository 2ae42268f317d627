/**
 * Named errors of the FastAGI side. Messages say what to change; none of them carries a
 * refused value, so a log line never echoes what a caller tried to smuggle in.
 */

export class AgiError extends Error {
  override readonly name: string = 'AgiError';
}

/** The bytes from the PBX are not FastAGI, or exceed the bounds set for them. */
export class AgiProtocolError extends AgiError {
  override readonly name = 'AgiProtocolError';
  constructor(readonly problem: string) {
    super(
      `FastAGI stream rejected: ${problem}. Check that the dialplan calls ` +
        'AGI(agi://host:port/script) against this service and nothing else connects to its port.',
    );
  }
}

/** The dialplan asked for a script this server does not serve. */
export class AgiUnknownScriptError extends AgiError {
  override readonly name = 'AgiUnknownScriptError';
  constructor(script: string, known: readonly string[]) {
    super(
      `No FastAGI script named ${JSON.stringify(script.slice(0, 64))} is served here: the ` +
        `dialplan's AGI(agi://host:port/<script>) must name one of ${known.join(', ')}.`,
    );
  }
}

/** An argument the dialplan passed to a script has the wrong shape; nothing was stored. */
export class AgiArgumentError extends AgiError {
  override readonly name = 'AgiArgumentError';
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(
      `AGI argument "${key}" ${problem}: pass it as the shipped dialplan ` +
        '(docs/asterisk/extensions_courier.conf) does.',
    );
  }
}

/** A variable name or value would not be a plain number or one of the fixed kinds. */
export class AgiValueError extends AgiError {
  override readonly name = 'AgiValueError';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`FastAGI value for ${field} refused: ${problem}. Nothing was sent to the PBX.`);
  }
}

/** The PBX answered a command with something other than `200`. */
export class AgiCommandError extends AgiError {
  override readonly name = 'AgiCommandError';
  constructor(
    readonly command: string,
    readonly code: number,
    readonly text: string,
  ) {
    super(
      `The PBX refused AGI ${command} (${code} ${text}): check that the Asterisk version ` +
        'supports the command and that the channel is still up.',
    );
  }
}

/** The channel hung up or the PBX closed the connection while a command waited. */
export class AgiHangupError extends AgiError {
  override readonly name = 'AgiHangupError';
  constructor(readonly command: string) {
    super(`AGI ${command} not completed: the channel hung up or the PBX closed the connection.`);
  }
}

/** A command was issued while another still waited for its answer. */
export class AgiBusyError extends AgiError {
  override readonly name = 'AgiBusyError';
  constructor(command: string, waiting: string) {
    super(
      `AGI ${command} issued while ${waiting} still waits for its answer: await each ` +
        'command before the next, as Asterisk reads them one at a time.',
    );
  }
}

/** The PBX did not answer a command within its deadline. */
export class AgiTimeoutError extends AgiError {
  override readonly name = 'AgiTimeoutError';
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super(
      `The PBX did not answer AGI ${command} within ${timeoutMs} ms: check the PBX's load ` +
        'and the network between the PBX and this service.',
    );
  }
}
