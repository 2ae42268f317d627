import { channelOf } from '../../../ami/events';
import type { AmiFrame } from '../../../ami/frame';
import { callOf, observeChannel } from '../channels';
import { becomeOriginated, startLeg } from '../legs';
import { dialledNumber } from '../number-kind';
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
