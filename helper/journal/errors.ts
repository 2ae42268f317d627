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

/** The disk holding the spool is full and its reserve is used up: the records wait in memory. */
export class SpoolFullError extends Error {
  override readonly name = 'SpoolFullError';
  readonly code = 'ENOSPC';

  constructor(readonly path: string) {
    super(
      `The disk holding the journal spool ${path} is full: the call is kept in the helper's ` +
        'memory and written as soon as there is room or the database takes it. Free space on that disk.',
    );
  }
}
