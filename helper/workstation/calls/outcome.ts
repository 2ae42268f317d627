/**
 * How one attempt to reach a party ended, before it is turned into a CallResult for an
 * extension's view of the call.
 */
export type AttemptOutcome =
  'answered' | 'busy' | 'declined' | 'no-answer' | 'cancelled' | 'failed' | 'answered-elsewhere';

/**
 * `DialEnd` `DialStatus` → outcome. `CANCEL` means the calling side gave up while the
 * called side was ringing; `CHANUNAVAIL` and `CONGESTION` mean the called side could not be
 * reached at all. `DONTCALL`/`TORTURE` are privacy-manager refusals: the callee declined.
 * Values that are not final (`PROGRESS`, `RINGING`, `CONTINUE`, `GOTO`) give undefined.
 */
const DIAL_STATUS: Readonly<Record<string, AttemptOutcome>> = {
  ANSWER: 'answered',
  BUSY: 'busy',
  NOANSWER: 'no-answer',
  CANCEL: 'cancelled',
  ABORT: 'cancelled',
  CONGESTION: 'failed',
  CHANUNAVAIL: 'failed',
  INVALIDARGS: 'failed',
  DONTCALL: 'busy',
  TORTURE: 'busy',
};

export function dialStatusOutcome(status: string | undefined): AttemptOutcome | undefined {
  return status === undefined ? undefined : DIAL_STATUS[status.trim().toUpperCase()];
}

/**
 * Q.850 hangup cause → outcome, after Asterisk's cause table (include/asterisk/causes.h and
 * the Hangup Cause Mappings page). 16 (normal clearing) and 31 (normal, unspecified) say
 * only that someone hung up, so they give `normal` and the caller decides from context.
 * 21 (call rejected, SIP 603 Decline) becomes `busy`: the party refused this call.
 * 26 is "non-selected user clearing": another phone of the same ring took the call.
 */
export function hangupCauseOutcome(
  cause: number | undefined,
): AttemptOutcome | 'normal' | undefined {
  switch (cause) {
    case undefined:
    case 0:
      return undefined;
    case 16:
    case 31:
    case 127:
      return 'normal';
    case 17:
    case 21:
      return 'busy';
    case 18:
    case 19:
      return 'no-answer';
    case 26:
      return 'answered-elsewhere';
    default:
      return 'failed';
  }
}

const STATE_RINGING = 5;

/**
 * A phone that refused a call after it had started ringing (486 Busy Here, 603 Decline:
 * `BUSY`, cause 17 or 21) was declined by its operator; one that refused without ringing is
 * busy. `state` is the refusing device channel's state (5: Ringing).
 */
export function refusalOutcome<T extends AttemptOutcome | 'normal' | undefined>(
  outcome: T,
  state: number | undefined,
): T | 'declined' {
  return outcome === 'busy' && state === STATE_RINGING ? 'declined' : outcome;
}

/** Parses a `Cause` header; undefined when absent or not a number. */
export function parseCause(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}
