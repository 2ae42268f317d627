import type { ErrorCode } from '../../../shared/protocol';
import type { ConnectionState, DialReply, DialUpdate } from '../../lib/runtime-messages';
import type { DialFailure, DialToastState } from './dial-toast-state';

/** Pure mapping from background replies and helper updates to what the toast says. */

export function failureForConnection(connection: ConnectionState | null): DialFailure {
  switch (connection?.state) {
    case 'connecting':
      return 'helper-connecting';
    case 'incompatible':
      return 'helper-incompatible';
    case 'not-paired':
      return 'not-paired';
    default:
      return 'helper-down';
  }
}

export function failureForRejection(
  reason: Extract<DialReply, { accepted: false }>['reason'],
  connection: ConnectionState | null,
): DialFailure {
  switch (reason) {
    case 'busy':
      return 'dial-in-progress';
    case 'invalid-number':
      return 'invalid-number';
    case 'not-paired':
      return 'not-paired';
    case 'not-connected':
      return failureForConnection(connection);
  }
}

const ERROR_FAILURES: Partial<Record<ErrorCode, DialFailure>> = {
  'not-paired': 'not-paired',
  'pairing-failed': 'not-paired',
  'unsupported-version': 'helper-incompatible',
  'rate-limited': 'rate-limited',
  'invalid-number': 'invalid-number',
  'dial-in-progress': 'dial-in-progress',
  'pbx-unavailable': 'pbx-unavailable',
  'pbx-refused': 'pbx-refused',
  'not-allowed': 'not-allowed',
};

/**
 * Failures whose own sentence already says all the helper's message does; the
 * message (in the helper's language) would only repeat it.
 */
const SELF_EXPLAINED: ReadonlySet<DialFailure> = new Set([
  'busy-you',
  'busy-remote',
  'no-answer-you',
  'no-answer-remote',
]);

/**
 * The toast state for one helper update (null: the toast stays as it is), and
 * whether the dial is over.
 */
export function stateForUpdate(
  update: DialUpdate,
  number: string,
): { state: DialToastState | null; final: boolean } {
  switch (update.type) {
    case 'dial.progress':
      if (update.stage === 'connected') {
        return { state: { phase: 'done', step: 'connected', number }, final: true };
      }
      // The helper sends `ended` before the `dial.result` that says why a call that rang you
      // did not connect (busy, no answer); ending here would hide that reason.
      if (update.stage === 'ended') return { state: null, final: false };
      return { state: { phase: 'working', step: update.stage, number }, final: false };
    case 'dial.result': {
      if (update.ok) return { state: { phase: 'done', step: 'connected', number }, final: true };
      const failure = failureForOutcome(update);
      return {
        state: withDetail(
          { phase: 'failed', failure, number },
          SELF_EXPLAINED.has(failure) ? undefined : update.message,
        ),
        final: true,
      };
    }
    case 'error':
      return {
        state: withDetail(
          { phase: 'failed', failure: ERROR_FAILURES[update.code] ?? 'failed', number },
          update.message,
        ),
        final: true,
      };
  }
}

function failureForOutcome(update: Extract<DialUpdate, { type: 'dial.result' }>): DialFailure {
  const you = update.leg === 'you';
  switch (update.outcome) {
    case 'busy':
      return you ? 'busy-you' : 'busy-remote';
    case 'no-answer':
      return you ? 'no-answer-you' : 'no-answer-remote';
    case 'pbx-refused':
      return 'pbx-refused';
    case 'pbx-unavailable':
      return 'pbx-unavailable';
    case 'invalid-number':
      return 'invalid-number';
    default:
      return 'failed';
  }
}

function withDetail(
  state: Extract<DialToastState, { phase: 'failed' }>,
  detail: string | undefined,
): DialToastState {
  return detail ? { ...state, detail } : state;
}
