import { randomBytes } from 'node:crypto';

/**
 * ActionIDs of this client: a per-client random prefix and a counter. Some events carrying
 * an ActionID reach every AMI session (OriginateResponse is sent to all sessions with the
 * `call` class), so the prefix keeps another helper's IDs from ever matching ours.
 */
export class ActionIdSource {
  readonly prefix: string;
  #counter = 0;

  constructor(prefix?: string) {
    this.prefix = prefix ?? `ct-${randomBytes(4).toString('hex')}`;
  }

  next(): string {
    this.#counter += 1;
    return `${this.prefix}-${this.#counter}`;
  }

  owns(actionId: string): boolean {
    return actionId.startsWith(`${this.prefix}-`);
  }
}
