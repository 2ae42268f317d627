import { channelOf } from '../../../ami/events';
import { header, type AmiFrame } from '../../../ami/frame';
import { partyOf, sameParty } from '../bridges';
import { isDeviceChannel } from '../channel-name';
import { callOf, observeBoth, observeChannel } from '../channels';
import { declineLeg } from '../finish';
import { joinCall } from '../join';
import {
  answerLeg,
  answeredElsewhere,
  becomeOriginated,
  farAnswered,
  nameTaker,
  operatorAnswered,
  startLeg,
} from '../legs';
import type { ChannelRecord, TrackedCall } from '../model';
import { dialledNumber, isInternalNumber } from '../number-kind';
import { dialStatusOutcome, refusalOutcome } from '../outcome';
import type { TrackerState } from '../tracker-state';

/**
 * A dial started. Towards one of the operator's extensions (directly or through a Local
 * channel such as a queue member) it rings that extension. From the calling side it tells
 * what was dialled: the caller's Exten at this point is the number in the outbound context.
 * A DialBegin without a calling channel comes from an Originate.
 */
export function onDialBegin(s: TrackerState, frame: AmiFrame, at: number): void {
  const callerInfo = channelOf(frame);
  const destInfo = channelOf(frame, 'Dest');
  const caller = callerInfo === undefined ? undefined : observeChannel(s, callerInfo, at);
  const dest = destInfo === undefined ? undefined : observeChannel(s, destInfo, at);
  if (dest === undefined) return;
  const call = callOf(s, dest);
  if (call === undefined) return;
  const extension = dest.extension;
  if (callerInfo === undefined && dest.uniqueid === call.linkedid) {
    call.origin = 'click-to-call';
    const leg = extension === undefined ? undefined : call.legs.get(extension);
    if (leg !== undefined) becomeOriginated(s, call, leg);
    return;
  }
  if (extension !== undefined) {
    if (dest.uniqueid !== call.linkedid) startLeg(s, call, extension, 'callee', at);
    return;
  }
  if (caller !== undefined) call.dialled ??= dialledNumber(callerInfo?.exten);
}

/**
 * A dial finished; `DialStatus` is the clearest word on how it went.
 * - Towards an operator's extension: that phone answered (or how it did not). A phone that
 *   answers the Local channel of its own queue membership or follow-me has not got the call
 *   yet: the queue or ring group may have given it to another phone in the same instant, so
 *   only the answer of that Local channel (or its bridge with the caller) counts.
 * - Towards anyone else: the far end of the operator's own call answered or failed, and a
 *   phone that is not the operator's answering means the call was taken elsewhere — unless
 *   it only answered its own Local chain, as above.
 * - Answered by a channel of another call: that channel picked the call up.
 */
export function onDialEnd(s: TrackerState, frame: AmiFrame, at: number): void {
  const outcome = dialStatusOutcome(header(frame, 'DialStatus'));
  if (outcome === undefined) return;
  const callerInfo = channelOf(frame);
  const caller = callerInfo === undefined ? undefined : observeChannel(s, callerInfo, at);
  const destInfo = channelOf(frame, 'Dest');
  const dest = destInfo === undefined ? undefined : observeChannel(s, destInfo, at);
  if (dest === undefined) return;
  if (outcome === 'answered' && caller !== undefined && caller.linkedid !== dest.linkedid) {
    const picked = callOf(s, caller);
    if (picked !== undefined) joinCall(s, dest, picked, { kind: 'pickup' }, at);
  }
  const call = callOf(s, dest);
  if (call === undefined) return;
  const extension = dest.extension;
  if (extension !== undefined) {
    const leg = call.legs.get(extension);
    if (leg === undefined) return;
    if (outcome === 'answered') {
      if (dest.superseded || (leg.role === 'callee' && withinOwnChain(caller, dest))) return;
      if (leg.role === 'callee') answerLeg(s, call, leg, at);
      else if (leg.role === 'originated') operatorAnswered(s, call, leg);
      farAnswered(s, call, extension, at);
      return;
    }
    noteTaker(s, call, caller, extension);
    if (leg.state === 'ringing') {
      const own = isDeviceChannel(dest.name) ? refusalOutcome(outcome, dest.state) : outcome;
      if (own === 'declined') declineLeg(s, call, leg, at);
      else leg.ownOutcome = own;
    }
    return;
  }
  if (outcome === 'answered') {
    // Another phone answering its own queue member or follow-me leg has not got the call yet.
    if (withinOwnChain(caller, dest)) return;
    if (isDeviceChannel(dest.name) || dest.name.isLocal) {
      answeredElsewhere(s, call, partyOf(dest));
    }
    farAnswered(s, call, partyOf(dest), at);
  } else {
    call.farOutcome = outcome;
  }
}

/**
 * A dial towards the operator's phone stopped: when another phone answered, the calling
 * channel's connected line already names it (Dial and Queue update it before they stop
 * ringing the others), so a stream of the operator's own channels learns the winner here.
 */
function noteTaker(
  s: TrackerState,
  call: TrackedCall,
  caller: ChannelRecord | undefined,
  extension: string,
): void {
  const named = caller?.connectedLineNum;
  if (named === undefined || !isInternalNumber(named) || named === extension) return;
  call.takerHint = named;
  nameTaker(s, call, named);
}

/** A dial from a Local half of the same extension: a step inside that extension's chain. */
function withinOwnChain(caller: ChannelRecord | undefined, dest: ChannelRecord): boolean {
  return caller !== undefined && caller.name.isLocal && sameParty(caller, dest);
}

/**
 * A phone picked up a call ringing another (`Pickup()`, FreePBX's `**<ext>`, a pickup
 * group): the picker's channel takes the place of the ringing one in that call, which the
 * PBX then hangs up as answered elsewhere. Asterisk keeps the picker's own Linkedid until
 * the bridge forms; the tracker moves it into the picked call at once.
 */
export function onPickup(s: TrackerState, frame: AmiFrame, at: number): void {
  const channels = observeBoth(s, frame, ['', 'Target'], at);
  if (channels === undefined) return;
  const [picker, ringing] = channels;
  const call = callOf(s, ringing);
  if (call !== undefined) joinCall(s, picker, call, { kind: 'pickup' }, at);
}
