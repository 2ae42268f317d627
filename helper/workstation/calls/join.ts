import { partyOf } from './bridges';
import { movedLeg } from './call-view';
import { endCall, endLeg } from './finish';
import { answeredElsewhere, takeOver } from './legs';
import type { ChannelRecord, LegRole, TrackedCall } from './model';
import type { TrackerState } from './tracker-state';

/**
 * How a channel came to join another call:
 * - `pickup`: it picked up a phone ringing for that call (Pickup, or the call's dial answered
 *   by a channel of another call), taking the place of the phone that rang;
 * - `bridge`: it was bridged with a party of that call (an attended transfer completed on a
 *   phone or by AMI), `peer` being that party when known.
 */
export type JoinReason =
  | { readonly kind: 'pickup' }
  | { readonly kind: 'bridge'; readonly peer: ChannelRecord | undefined };

/**
 * A channel leaves its call for `target`, as Asterisk moves it (its Linkedid becomes the
 * target's). For an operator's extension:
 * - a part that never talked to anyone (its own call to a pickup code) goes on in the target
 *   call under the target's id: its last view says `movedTo`, and the same card continues
 *   with the target call's party, talking from now;
 * - a part that talked (the consultation call of an attended transfer) ends as it was, and
 *   the extension's part in the target call starts now, so its talk time counts only the
 *   talk with the target call's party.
 * The call the channel left ends with its last channel.
 */
export function joinCall(
  s: TrackerState,
  channel: ChannelRecord,
  target: TrackedCall,
  reason: JoinReason,
  at: number,
): void {
  const from = s.calls.get(channel.linkedid);
  if (from === target) return;
  from?.channels.delete(channel.uniqueid);
  target.channels.set(channel.uniqueid, channel);
  channel.linkedid = target.linkedid;
  channel.superseded = false;
  const extension = channel.extension;
  if (extension === undefined) {
    if (reason.kind === 'pickup') answeredElsewhere(s, target, partyOf(channel));
  } else {
    let startedAt = at;
    const left = from?.legs.get(extension);
    if (from !== undefined && left !== undefined) {
      left.channels.delete(channel.uniqueid);
      if (left.channels.size === 0 && left.answeredAt === undefined) {
        from.legs.delete(extension);
        startedAt = left.startedAt;
        s.out.push({
          change: 'ended',
          view: movedLeg(s.config, from, left, at, target.linkedid),
        });
      } else if (left.channels.size === 0) {
        endLeg(s, from, left, at);
      }
    }
    takeOver(s, target, extension, roleIn(target, reason), startedAt, at);
  }
  if (from !== undefined && from.channels.size === 0) endCall(s, from, at);
}

/**
 * The side of the target call an operator's phone takes: the called side when it talks to
 * the party that started the call (or picked up a phone rung for it), the calling side when
 * it talks to the party that call dialled (an outgoing call transferred to it).
 */
function roleIn(target: TrackedCall, reason: JoinReason): LegRole {
  if (reason.kind === 'pickup' || reason.peer === undefined) return 'callee';
  return reason.peer.uniqueid === target.linkedid || target.originator === undefined
    ? 'callee'
    : 'caller';
}

/**
 * Which of the calls a bridge joins the others go to: the call of the parties that are not
 * the operator's phones (the caller an attended transfer hands over, the caller a pickup
 * reached), or — when that does not single one out — the oldest, as Asterisk's Linkedid does.
 */
export function absorbingCall(
  s: TrackerState,
  members: readonly ChannelRecord[],
): TrackedCall | undefined {
  const calls = new Set<TrackedCall>();
  const partyCalls = new Set<TrackedCall>();
  for (const member of members) {
    const call = s.calls.get(member.linkedid);
    if (call === undefined) continue;
    calls.add(call);
    if (member.extension === undefined) partyCalls.add(call);
  }
  if (calls.size < 2) return undefined;
  const candidates = partyCalls.size === 1 ? partyCalls : calls;
  let oldest: TrackedCall | undefined;
  for (const call of candidates) {
    if (oldest === undefined || call.startedAt < oldest.startedAt) oldest = call;
  }
  return oldest;
}
