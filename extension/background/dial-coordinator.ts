import type { DialReply, DialSource, DialUpdate } from '../lib/runtime-messages';
import { dialNumberFor } from '../lib/helper-client/dial-number';
import { HelperNotConnectedError, HelperRequestError } from '../lib/helper-client/errors';
import type { HelperPort } from './helper-port';

/** Where the progress of one dial is shown. */
export type DialAudience =
  | { kind: 'tab'; tabId: number; frameId: number }
  | { kind: 'extension-pages' }
  | { kind: 'notification'; number: string };

export type DeliverDialUpdate = (
  audience: DialAudience,
  requestId: string,
  update: DialUpdate,
) => void;

/**
 * Starts click-to-call requests, one at a time for the whole extension: the
 * operator has one phone, and a second originate while the first rings would
 * ring it twice. Progress goes to whoever asked.
 */
export class DialCoordinator {
  #active: string | null = null;

  constructor(
    private readonly helper: Pick<HelperPort, 'connection' | 'dial'>,
    private readonly deliver: DeliverDialUpdate,
  ) {}

  get busy(): boolean {
    return this.#active !== null;
  }

  start(input: string, source: DialSource, audience: DialAudience): DialReply {
    if (this.#active !== null) return { accepted: false, reason: 'busy' };
    const connection = this.helper.connection;
    if (connection.state === 'not-paired') return { accepted: false, reason: 'not-paired' };
    if (connection.state !== 'connected') return { accepted: false, reason: 'not-connected' };
    const number = dialNumberFor(input);
    if (number === null) return { accepted: false, reason: 'invalid-number' };
    let dial: ReturnType<HelperPort['dial']>;
    try {
      dial = this.helper.dial({ number, source }, (update) =>
        this.deliver(audience, update.id, update),
      );
    } catch (error) {
      if (error instanceof HelperNotConnectedError) {
        return { accepted: false, reason: 'not-connected' };
      }
      throw error;
    }
    const requestId = dial.id;
    this.#active = requestId;
    dial.result.then(
      () => this.#finish(requestId),
      (error: unknown) => {
        this.#finish(requestId);
        this.deliver(audience, requestId, {
          type: 'error',
          id: requestId,
          code: error instanceof HelperRequestError ? error.code : 'internal',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return { accepted: true, requestId };
  }

  #finish(requestId: string): void {
    if (this.#active === requestId) this.#active = null;
  }
}
