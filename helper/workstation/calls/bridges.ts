import { extensionOfChannel, isDeviceChannel } from './channel-name';
import { answerLeg, answeredElsewhere, farAnswered, operatorAnswered } from './legs';
import type { ChannelRecord, TrackedCall } from './model';
import { isInternalNumber } from './number-kind';
import type { TrackerState } from './tracker-state';

export function enterBridge(s: TrackerState, bridgeId: string, channel: ChannelRecord): void {
  let members = s.bridges.get(bridgeId);
  if (members === undefined) {
    members = new Set();
    s.bridges.set(bridgeId, members);
  }
  members.add(channel.uniqueid);
  channel.bridged = true;
}

export function leaveBridge(s: TrackerState, bridgeId: string, uniqueid: string): void {
  const members = s.bridges.get(bridgeId);
  if (members === undefined) return;
  members.delete(uniqueid);
  if (members.size === 0) s.bridges.delete(bridgeId);
  const channel = s.channels.get(uniqueid);
  if (channel !== undefined) channel.bridged = false;
}

export function forgetChannelBridges(s: TrackerState, uniqueid: string): void {
  for (const [bridgeId, members] of s.bridges) {
    if (members.delete(uniqueid) && members.size === 0) s.bridges.delete(bridgeId);
  }
}

/** Who a channel is, for `answeredBy`: an internal number, never a trunk's name. */
export function partyOf(channel: ChannelRecord): string | undefined {
  const extension = extensionOfChannel(channel.name);
  return isInternalNumber(extension) ? extension : undefined;
}

/** Channels of one party: a phone and the Local halves of its queue member or follow-me. */
export function sameParty(a: ChannelRecord, b: ChannelRecord): boolean {
  const number = partyOf(a);
  return number !== undefined && number === partyOf(b);
}

/**
 * A bridge joining one of the operator's channels with a channel of any other party means
 * that conversation started: the operator answered a call ringing them, or the far end of
 * the operator's own call answered. A bridge of other parties only — a phone that is not
 * the operator's taking the caller — means the call was answered elsewhere. Two channels
 * of the same extension (a Local half and the phone behind it) say nothing about the
 * other party, and neither do channels that rang for a call taken elsewhere.
 */
export function evaluateBridge(
  s: TrackerState,
  call: TrackedCall,
  bridgeId: string,
  at: number,
): void {
  const members = s.bridges.get(bridgeId);
  if (members === undefined) return;
  const channels: ChannelRecord[] = [];
  for (const uniqueid of members) {
    const channel = call.channels.get(uniqueid);
    if (channel !== undefined) channels.push(channel);
  }
  // A phone whose call was taken elsewhere while it rang is no party to this conversation
  // (a Local chain another phone picked up through joins the bridge in its name).
  const extensions = new Set<string>();
  for (const channel of channels) {
    if (channel.extension !== undefined && !channel.superseded) extensions.add(channel.extension);
  }
  if (extensions.size === 0) {
    const phone = channels.find((c) => isDeviceChannel(c.name) && c.uniqueid !== call.linkedid);
    // A phone bridged only with the Local half of its own chain has not got the call yet.
    const talking = channels.some((c) => phone !== undefined && !sameParty(c, phone));
    if (phone !== undefined && talking) answeredElsewhere(s, call, partyOf(phone));
    return;
  }
  for (const extension of extensions) {
    const peer = channels.find((c) => c.extension !== extension);
    const leg = call.legs.get(extension);
    if (peer === undefined || leg === undefined) continue;
    if (leg.role === 'callee') answerLeg(s, call, leg, at);
    else if (leg.state !== 'answered') {
      if (leg.role === 'originated') operatorAnswered(s, call, leg);
      farAnswered(s, call, partyOf(peer), at);
    }
  }
}
