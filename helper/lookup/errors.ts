/** The value handed to a lookup is not a database key; the caller must normalize first. */
export class InvalidDbKeyError extends Error {
  override readonly name = 'InvalidDbKeyError';

  constructor(readonly dbKey: string) {
    super(
      `Cannot look up ${JSON.stringify(dbKey.slice(0, 32))}: a lookup takes the digits-only ` +
        'number the database stores (e.g. 79161234567); normalize it with shared/phone first.',
    );
  }
}

/** A lookup was used after close(). */
export class LookupClosedError extends Error {
  override readonly name = 'LookupClosedError';

  constructor() {
    super('The caller lookup is closed; create a new one for the current configuration.');
  }
}

/** The database answered nothing within the lookup deadline. */
export class LookupTimeoutError extends Error {
  override readonly name = 'LookupTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(
      `The database did not answer within ${timeoutMs} ms: check the database server's load ` +
        'and the network, or raise database.queryTimeoutMs.',
    );
  }
}
