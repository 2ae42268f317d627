import type { CallView } from '../../shared/protocol';

/** A call as the tracker knows it: everything but what the database adds. */
export type TrackedCall = Omit<CallView, 'identity' | 'lookup'>;

export function callKey(call: Pick<CallView, 'callId' | 'extension'>): string {
  return `${call.callId}|${call.extension}`;
}

/** An inbound call that rang the operator and that nobody answered. */
export function isMissed(call: TrackedCall): boolean {
  return (
    call.direction === 'in' &&
    call.state === 'ended' &&
    call.answeredAt === undefined &&
    (call.result === 'no-answer' || call.result === 'cancelled')
  );
}
