/** A journal entry was asked for a call that has not ended. */
export class CallNotEndedError extends Error {
  override readonly name = 'CallNotEndedError';

  constructor(callId: string, state: string) {
    super(
      `Call ${callId} is ${state}: journal entries are built from ended calls only; ` +
        'pass the view the hub gives to subscribeEnded listeners.',
    );
  }
}

/** The spool directory cannot be used; entries would not survive an outage. */
export class JournalSpoolError extends Error {
  override readonly name = 'JournalSpoolError';

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `The journal spool at ${path} cannot be used (${reason}): set journal.spoolDir to a ` +
        'writable directory on a local disk.',
    );
  }
}

/** The journal was used after close(). */
export class JournalClosedError extends Error {
  override readonly name = 'JournalClosedError';

  constructor() {
    super('The call journal is closed; create a new one to record calls.');
  }
}
