import {
  PROTOCOL_VERSION,
  type ClientMessage,
  type ServerMessageOf,
} from '../../../shared/protocol';
import type { HelperApi } from '../../core/helper-api';
import { PairingCodeError } from '../pairing/errors';
import { ManagedPairingError } from '../pairing/managed-pairing';
import type { ClientLabel, IssuedToken, PairingAuthority } from '../pairing/pairing-authority';
import { errorReply, type ErrorReply } from './error-reply';

export type HandshakeOutcome =
  | {
      ok: true;
      reply: ServerMessageOf<'welcome'> | ServerMessageOf<'paired'>;
      pairingId: string;
      client: ClientLabel;
    }
  | {
      ok: false;
      reply: ErrorReply;
      /** For the log; never the token or code. */
      reason: string;
      /** An unexpected failure worth logging with its error. */
      error?: unknown;
    };

const NOT_PAIRED_TEXT =
  'This browser is not paired with the helper, or its pairing was revoked. Run `courier-helper pair` on this computer and enter the code in the extension options → Pairing.';

/**
 * Authenticates the first frame of a connection from `origin`: `hello` with a pairing
 * token issued to that origin, or `pair` with the short code that `courier-helper pair` showed.
 */
export async function performHandshake(
  message: ClientMessage,
  api: HelperApi,
  pairing: PairingAuthority,
  origin: string,
): Promise<HandshakeOutcome> {
  try {
    return await authenticate(message, api, pairing, origin);
  } catch (error) {
    return { ok: false, reply: errorReply(error), reason: 'pairing state failure', error };
  }
}

async function authenticate(
  message: ClientMessage,
  api: HelperApi,
  pairing: PairingAuthority,
  origin: string,
): Promise<HandshakeOutcome> {
  if (message.type === 'hello') {
    const paired = await pairing.verify(message.token, origin);
    if (!paired) {
      return {
        ok: false,
        reply: { type: 'error', code: 'not-paired', message: NOT_PAIRED_TEXT },
        reason: 'unknown or revoked token, or one issued to another origin',
      };
    }
    return {
      ok: true,
      reply: {
        type: 'welcome',
        v: PROTOCOL_VERSION,
        status: api.status(),
        calls: api.activeCalls(),
      },
      pairingId: paired.id,
      client: message.client,
    };
  }
  if (message.type === 'pair') {
    return issuePairing(api, message.client, PairingCodeError, 'pairing code refused', () =>
      pairing.redeem(message.code, message.client, origin),
    );
  }
  if (message.type === 'pair.managed') {
    return issuePairing(api, message.client, ManagedPairingError, 'managed pairing refused', () =>
      pairing.pairManaged(message, message.client, origin),
    );
  }
  return {
    ok: false,
    reply: {
      type: 'error',
      code: 'not-paired',
      message: `The first message must be "hello", "pair" or "pair.managed", not "${message.type}".`,
    },
    reason: `first frame was "${message.type}"`,
  };
}

/** A pairing that issues a token, or is refused with the error's advice for the user. */
async function issuePairing(
  api: HelperApi,
  client: ClientLabel,
  Refusal: typeof PairingCodeError | typeof ManagedPairingError,
  refusal: string,
  issue: () => Promise<IssuedToken>,
): Promise<HandshakeOutcome> {
  try {
    const issued = await issue();
    return {
      ok: true,
      reply: { type: 'paired', v: PROTOCOL_VERSION, token: issued.token, status: api.status() },
      pairingId: issued.id,
      client,
    };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return {
      ok: false,
      reply: { type: 'error', code: 'pairing-failed', message: error.message },
      reason: `${refusal} (${error.reason})`,
    };
  }
}
