import { channelOf } from '../../../ami/events';
import { header, type AmiFrame } from '../../../ami/frame';
import { partyOf } from '../bridges';
import { isDeviceChannel } from '../channel-name';
import { callOf, observeChannel } from '../channels';
import { answerLeg, answeredElsewhere, farAnswered, operatorAnswered } from '../legs';
import { dialStatusOutcome } from '../outcome';
import type { TrackerState } from '../tracker-state';

/**
 * A dial finished; `DialStatus` is the clearest word on how it went.
 * - Towards an operator's extension: that phone answered (or how it did not).
 * - Towards anyone else: the far end of the operator's own call answered or failed, and a
 *   phone that is not the operator's answering means the call was taken elsewhere.
 */
export function onDialEnd(s: TrackerState, frame: AmiFrame, at: number): void {
  const outcome = dialStatusOutcome(header(frame, 'DialStatus'));
  if (outcome === undefined) return;
  const callerInfo = channelOf(frame);
  if (callerInfo !== undefined) observeChannel(s, callerInfo, at);
  const destInfo = channelOf(frame, 'Dest');
  const dest = destInfo === undefined ? undefined : observeChannel(s, destInfo, at);
  if (dest === undefined) return;
  const call = callOf(s, dest);
  if (call === undefined) return;
  const extension = dest.extension;
  if (extension !== undefined) {
    const leg = call.legs.get(extension);
    if (leg === undefined) return;
    if (outcome === 'answered') {
      if (leg.role === 'callee') answerLeg(s, call, leg, at);
      else if (leg.role === 'originated') operatorAnswered(s, call, leg);
      farAnswered(s, call, extension, at);
    } else if (leg.state === 'ringing') {
      leg.ownOutcome = outcome;
    }
    return;
  }
  if (outcome === 'answered') {
    if (isDeviceChannel(dest.name)) answeredElsewhere(s, call, partyOf(dest));
    farAnswered(s, call, partyOf(dest), at);
  } else {
    call.farOutcome = outcome;
  }
}
