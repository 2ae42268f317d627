import type { CallResult } from '../../../shared/protocol';
import type { Leg, TrackedCall } from './model';
import type { AttemptOutcome } from './outcome';

export interface LegResult {
  readonly result: CallResult;
  readonly missed: boolean;
}

/**
 * The result of an extension's part in a call once it ends.
 *
 * - A rung extension that nobody answered missed the call, whether the caller gave up
 *   (`cancelled` from its side is `no-answer` from ours), the phone was busy or failed —
 *   unless its operator declined it while it rang: that call was seen, not missed.
 * - For a call the operator made, `cancelled` means the operator hung up before the far end
 *   answered; with no signal at all the operator is taken to have given up.
 * - A click-to-call that the operator's phone never picked up is judged by that phone;
 *   once it did, by the far end.
 */
export function legResult(call: TrackedCall, leg: Leg): LegResult {
  if (leg.state === 'answered') return { result: 'answered', missed: false };
  if (leg.state === 'answered-elsewhere') return { result: 'answered-elsewhere', missed: false };
  switch (leg.role) {
    case 'callee':
      return leg.ownOutcome === 'declined'
        ? { result: 'declined', missed: false }
        : { result: calleeResult(leg.ownOutcome), missed: true };
    case 'caller':
      return { result: farResult(call.farOutcome), missed: false };
    case 'originated':
      if (leg.state === 'ringing') return { result: ownPhoneResult(leg.ownOutcome), missed: false };
      return { result: farResult(call.farOutcome), missed: false };
  }
}

function calleeResult(outcome: AttemptOutcome | undefined): CallResult {
  return outcome === 'busy' || outcome === 'failed' ? outcome : 'no-answer';
}

function farResult(outcome: AttemptOutcome | undefined): CallResult {
  switch (outcome) {
    case 'busy':
    case 'no-answer':
    case 'failed':
    case 'cancelled':
      return outcome;
    default:
      return 'cancelled';
  }
}

function ownPhoneResult(outcome: AttemptOutcome | undefined): CallResult {
  switch (outcome) {
    case 'busy':
    case 'failed':
    case 'cancelled':
      return outcome;
    default:
      return 'no-answer';
  }
}
