import type { CallView } from '../../shared/protocol';
import { t } from '../lib/i18n/core';
import {
  HelperConnectionLostError,
  HelperNotConnectedError,
  HelperRequestError,
  HelperTimeoutError,
  PairingFailedError,
} from '../lib/helper-client/errors';
import type {
  CallControlReply,
  CallControlRequest,
  JournalReply,
  OkReply,
  OutcomeFailure,
  OutcomeReply,
} from '../lib/runtime-messages';
import type { HelperPort } from './helper-port';
import type { RouterDeps } from './router';

/** The most recent calls a journal page holds. */
export const JOURNAL_PAGE_SIZE = 30;

/** `calls.query` is answered from the helper's memory; a helper too old to know it never answers. */
export const CALLS_QUERY_TIMEOUT_MS = 5_000;

/** No connection to the helper to ask over, now or any more. */
const isOffline = (error: unknown): boolean =>
  error instanceof HelperNotConnectedError || error instanceof HelperConnectionLostError;

/**
 * Asks the helper how calls stand (`calls.query`): its views of them, or `null` when there
 * is no connection to ask over. A helper that refuses the request or does not answer in
 * time (one older than the request) cannot say how the calls went: none are found.
 */
export function callFinder(
  helper: Pick<HelperPort, 'request'>,
): (callIds: string[]) => Promise<CallView[] | null> {
  return async (callIds) => {
    try {
      const reply = await helper.request({ type: 'calls.query', callIds }, CALLS_QUERY_TIMEOUT_MS);
      return reply.calls;
    } catch (error) {
      return isOffline(error) ? null : [];
    }
  };
}

function pairingFailure(error: PairingFailedError): string {
  if (error.kind === 'unreachable') return t('shell.error.pairUnreachable');
  if (error.code === 'rate-limited') return t('shell.error.pairRateLimited');
  if (error.kind === 'refused' && error.code !== 'unsupported-version') {
    return t('shell.error.pairRefused');
  }
  return error.message;
}

/**
 * The sentence shown for a failed request: the extension's own failures in
 * the operator's language, the helper's refusals in its own words.
 */
function failure(error: unknown): { ok: false; message: string } {
  if (error instanceof HelperNotConnectedError)
    return { ok: false, message: t('shell.error.notConnected') };
  if (error instanceof HelperConnectionLostError) {
    return { ok: false, message: t('shell.error.connectionLost') };
  }
  if (error instanceof HelperTimeoutError) return { ok: false, message: t('shell.error.timeout') };
  if (error instanceof PairingFailedError) return { ok: false, message: pairingFailure(error) };
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/** The protocol message of a card's request. */
function controlMessage(request: CallControlRequest) {
  const call = { callId: request.callId, extension: request.extension };
  switch (request.action) {
    case 'hangup':
      return { type: 'call.hangup' as const, ...call };
    case 'complete':
      return { type: 'call.transfer.complete' as const, ...call };
    case 'cancel':
      return { type: 'call.transfer.cancel' as const, ...call };
    case 'transfer':
      return {
        type: 'call.transfer' as const,
        ...call,
        to: request.to,
        target: request.target,
        mode: request.mode,
      };
  }
}

function outcomeFailure(error: unknown): OutcomeFailure {
  if (!(error instanceof HelperRequestError)) {
    return isOffline(error) ? 'not-connected' : 'refused';
  }
  if (error.code === 'not-found') return 'not-found';
  return error.code === 'expired' ? 'too-late' : 'refused';
}

/**
 * The router's helper-backed requests: each turns a runtime message into a
 * protocol request and the helper's answer (or error) into a reply.
 */
export function helperRequests(
  helper: Pick<HelperPort, 'request' | 'pair'>,
  storeToken: (token: string) => Promise<void>,
): Pick<
  RouterDeps,
  'journal' | 'ackMissed' | 'callControl' | 'pauseQueues' | 'noteOutcome' | 'simulate' | 'pair'
> {
  return {
    async journal(query): Promise<JournalReply> {
      try {
        const page = await helper.request({
          type: 'journal.query',
          limit: JOURNAL_PAGE_SIZE,
          ...query,
        });
        return { ok: true, entries: page.entries, hasMore: page.hasMore };
      } catch (error) {
        return failure(error);
      }
    },
    async ackMissed(callIds): Promise<OkReply> {
      try {
        await helper.request({ type: 'missed.ack', callIds });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    async callControl(request): Promise<CallControlReply> {
      try {
        const result = await helper.request(controlMessage(request));
        return {
          ok: result.ok,
          ...(result.to === undefined ? {} : { to: result.to }),
          ...(result.reason === undefined ? {} : { reason: result.reason }),
          ...(result.message === undefined ? {} : { message: result.message }),
        };
      } catch (error) {
        return failure(error);
      }
    },
    async pauseQueues(paused, reason): Promise<OkReply> {
      try {
        await helper.request({
          type: 'queue.pause',
          paused,
          ...(reason === undefined || reason === '' ? {} : { reason }),
        });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    async noteOutcome(note): Promise<OutcomeReply> {
      try {
        await helper.request({ type: 'call.outcome', ...note });
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: outcomeFailure(error), message: failure(error).message };
      }
    },
    async simulate(number, scenario): Promise<OkReply> {
      try {
        await helper.request({ type: 'demo.simulate', number, scenario });
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    async pair(code): Promise<OkReply> {
      try {
        const { token } = await helper.pair(code.replace(/\s+/g, ''));
        await storeToken(token);
        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
  };
}
