import { forgetChannelBridges, partyOf } from './bridges';
import { isDeviceChannel } from './channel-name';
import { endedLeg } from './call-view';
import { legResult } from './leg-result';
import { legAnsweredElsewhere } from './legs';
import type { ChannelRecord, Leg, TrackedCall } from './model';
import { hangupCauseOutcome, refusalOutcome } from './outcome';
import type { TrackerState } from './tracker-state';

/**
 * A channel is gone. Its hangup cause fills in how ringing a phone went when no DialEnd
 * said it first (DialEnd's DialStatus is the clearer signal and wins). An extension that
 * talked and has no channel left is done even if the call goes on (it was transferred), and
 * so is one whose operator declined the call while it rang; a rung extension that simply
 * stopped ringing stays open until the call ends, because queues ring the same phone again
 * after a pause. The call ends with its last channel.
 */
export function hangupChannel(
  s: TrackerState,
  channel: ChannelRecord,
  cause: number | undefined,
  at: number,
): void {
  s.channels.delete(channel.uniqueid);
  s.endedChannels.add(channel.uniqueid);
  forgetChannelBridges(s, channel.uniqueid);
  const call = s.calls.get(channel.linkedid);
  if (call === undefined) return;
  call.channels.delete(channel.uniqueid);
  const outcome = refusalOutcome(hangupCauseOutcome(cause), channel.state);
  const leg = channel.extension === undefined ? undefined : call.legs.get(channel.extension);
  if (leg !== undefined) {
    leg.channels.delete(channel.uniqueid);
    // A Local half's cause speaks for the phone only when the PBX named who took the call
    // (a queue member's Local channel ended as answered elsewhere in the same instant its
    // phone answered: the phone's own channel then ends as a normal hangup).
    const decisive =
      !channel.name.isLocal || (outcome === 'answered-elsewhere' && call.takerHint !== undefined);
    if (leg.state === 'ringing' && decisive && outcome !== undefined) {
      if (outcome === 'answered-elsewhere') legAnsweredElsewhere(s, call, leg, takerOf(call, leg));
      else if (outcome === 'declined' && leg.role === 'callee') declineLeg(s, call, leg, at);
      else if (outcome !== 'normal') leg.ownOutcome ??= outcome;
    }
    if (
      call.legs.get(leg.extension) === leg &&
      leg.channels.size === 0 &&
      (leg.role !== 'callee' || leg.state === 'answered')
    ) {
      endLeg(s, call, leg, at);
    }
  } else if (
    channel.extension === undefined &&
    channel.uniqueid !== call.linkedid &&
    outcome !== undefined &&
    outcome !== 'normal' &&
    outcome !== 'answered-elsewhere'
  ) {
    call.farOutcome ??= outcome;
  }
  if (call.channels.size === 0) endCall(s, call, at);
}

const STATE_UP = 6;

/**
 * Who took a call whose ring of `leg` the PBX just ended as answered elsewhere (cause 26):
 * the one other phone of the call already up, when there is exactly one (Dial hangs up the
 * phones that lost before it reports the answer, so this names the winner without waiting),
 * else the phone the calling channel's connected line named when this one stopped ringing.
 */
function takerOf(call: TrackedCall, leg: Leg): string | undefined {
  const up = [...call.channels.values()].filter(
    (c) =>
      c.state === STATE_UP &&
      c.uniqueid !== call.linkedid &&
      c.extension !== leg.extension &&
      isDeviceChannel(c.name),
  );
  if (up.length === 1) return partyOf(up[0]!);
  return call.takerHint !== leg.extension ? call.takerHint : undefined;
}

export function endLeg(s: TrackerState, call: TrackedCall, leg: Leg, at: number): void {
  const { result, missed } = legResult(call, leg);
  const { view, record } = endedLeg(s.config, call, leg, at, result, missed);
  call.legs.delete(leg.extension);
  call.earlierStarts.set(leg.extension, leg.startedAt);
  s.out.push({ change: 'ended', view, record });
}

/**
 * The operator rejected the call while the phone rang: the card ends now, even though other
 * phones of a ring group or queue still ring. A queue that rings this phone again later
 * opens the same extension's view of the call anew.
 */
export function declineLeg(s: TrackerState, call: TrackedCall, leg: Leg, at: number): void {
  if (leg.role !== 'callee' || leg.state !== 'ringing') return;
  leg.ownOutcome = 'declined';
  endLeg(s, call, leg, at);
}

/** Ends every open leg of the call and forgets the call and whatever channels it still had. */
export function endCall(s: TrackerState, call: TrackedCall, at: number): void {
  for (const leg of [...call.legs.values()]) endLeg(s, call, leg, at);
  for (const channel of call.channels.values()) {
    s.channels.delete(channel.uniqueid);
    s.endedChannels.add(channel.uniqueid);
    forgetChannelBridges(s, channel.uniqueid);
  }
  call.channels.clear();
  s.calls.delete(call.linkedid);
  s.endedCalls.add(call.linkedid);
}
