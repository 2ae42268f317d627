/** The callback request is not `{ courier, recipient, order }` with valid values. */
export class CallbackRequestError extends Error {
  override readonly name = 'CallbackRequestError';
  constructor(readonly problems: readonly string[]) {
    super(
      `The callback request was refused: ${problems.join('; ')}. Send JSON ` +
        '{ "courier": <courier code>, "recipient": "<phone number>", "order": <order code> }.',
    );
  }
}

export type CallbackRefusal =
  'unknown-courier' | 'courier-without-mobile' | 'recipient-not-on-order';

/** The request is well-formed but the database does not back it; nothing was dialled. */
export class CallbackRefusedError extends Error {
  override readonly name = 'CallbackRefusedError';
  constructor(readonly reason: CallbackRefusal) {
    super(CallbackRefusedError.describe(reason));
  }

  static describe(reason: CallbackRefusal): string {
    switch (reason) {
      case 'unknown-courier':
        return 'No courier has this code: check the courier code the request names.';
      case 'courier-without-mobile':
        return 'The courier card holds no usable mobile number (kurier.phonem): fill it in.';
      case 'recipient-not-on-order':
        return (
          'The recipient number is not a recipient of this order: call a number from the ' +
          "order's delivery card, or correct it there first."
        );
    }
  }
}

/** The PBX or the database cannot take a callback now; nothing was dialled. */
export class CallbackUnavailableError extends Error {
  override readonly name = 'CallbackUnavailableError';
  constructor(readonly part: 'pbx' | 'database') {
    super(
      part === 'pbx'
        ? 'The PBX connection is not ready: the service reconnects by itself, retry shortly.'
        : 'The courier database did not answer: retry shortly, or check the database server.',
    );
  }
}
