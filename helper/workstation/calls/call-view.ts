import type { CallResult, Direction } from '../../../shared/protocol';
import type { Leg, TrackedCall } from './model';
import { isInternalNumber } from './number-kind';
import type { TrackerConfig } from './tracker-state';
import type { EndedCallRecord, TrackedCallView } from './types';

/** The remote party as this extension sees it, as the PBX reported it. */
export function legRemoteRaw(call: TrackedCall, leg: Leg): string {
  switch (leg.role) {
    case 'callee':
      return call.originator?.callerIdNum ?? leg.peerHint ?? '';
    case 'caller':
      return call.dialled ?? call.expectedRemote ?? '';
    case 'originated':
      return call.expectedRemote ?? call.dialled ?? '';
  }
}

export function legDirection(call: TrackedCall, leg: Leg): Direction {
  if (leg.role === 'callee') {
    if (call.originator !== undefined) return call.originator.internal ? 'internal' : 'in';
    return isInternalNumber(legRemoteRaw(call, leg)) ? 'internal' : 'in';
  }
  return isInternalNumber(legRemoteRaw(call, leg)) ? 'internal' : 'out';
}

/** The view of a leg in its current state. */
export function legView(config: TrackerConfig, call: TrackedCall, leg: Leg): TrackedCallView {
  return {
    callId: call.linkedid,
    extension: leg.extension,
    direction: legDirection(call, leg),
    state: leg.state,
    remote: config.partyNumber(legRemoteRaw(call, leg)),
    origin: call.origin,
    startedAt: leg.startedAt,
    ...(leg.answeredAt === undefined ? {} : { answeredAt: leg.answeredAt }),
    ...(leg.answeredBy === undefined ? {} : { answeredBy: leg.answeredBy }),
  };
}

/**
 * The last view of an extension's part that goes on in another call (`movedTo`): a view to
 * retire, not a call that ended.
 */
export function movedLeg(
  config: TrackerConfig,
  call: TrackedCall,
  leg: Leg,
  at: number,
  movedTo: string,
): TrackedCallView {
  return { ...legView(config, call, leg), state: 'ended', endedAt: at, movedTo };
}

export interface EndedLeg {
  readonly view: TrackedCallView;
  readonly record: EndedCallRecord;
}

/** The final view and journal record of a leg that ends at `endedAt`. */
export function endedLeg(
  config: TrackerConfig,
  call: TrackedCall,
  leg: Leg,
  endedAt: number,
  result: CallResult,
  missed: boolean,
): EndedLeg {
  const talkSeconds =
    leg.state === 'answered' && leg.answeredAt !== undefined
      ? Math.max(0, Math.round((endedAt - leg.answeredAt) / 1000))
      : 0;
  const base = legView(config, call, leg);
  const view: TrackedCallView = {
    ...base,
    state: 'ended',
    endedAt,
    talkSeconds,
    result,
    missed,
  };
  const record: EndedCallRecord = {
    callId: base.callId,
    extension: base.extension,
    direction: base.direction,
    origin: base.origin,
    remote: base.remote,
    startedAt: base.startedAt,
    answeredAt: leg.state === 'answered' ? leg.answeredAt : undefined,
    endedAt,
    talkSeconds,
    result,
    answeredBy: leg.answeredBy,
    missed,
  };
  return { view, record };
}
