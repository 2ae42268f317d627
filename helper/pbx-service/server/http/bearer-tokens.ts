import { createHash, timingSafeEqual } from 'node:crypto';

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * The tokens the callback endpoint accepts. Only their digests are kept, and a presented
 * token is compared with every one in constant time, so neither the comparison's duration
 * nor a memory dump gives a token away.
 */
export class BearerTokens {
  readonly #digests: readonly Buffer[];

  constructor(tokens: readonly string[]) {
    this.#digests = tokens.map(digest);
  }

  /** Whether an `Authorization` header carries one of the tokens. */
  accepts(header: string | undefined): boolean {
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header ?? '');
    if (match === null) return false;
    const presented = digest(match[1] as string);
    let accepted = false;
    for (const known of this.#digests) accepted = timingSafeEqual(known, presented) || accepted;
    return accepted;
  }
}
