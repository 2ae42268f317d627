import { channelOf } from '../../ami/events';
import type { AmiFrame } from '../../ami/frame';
import { callOf, observeChannel } from '../channels';
import { joinCall } from '../join';
import type { TrackerState } from '../tracker-state';

/**
 * A phone picked up a call ringing another (`Pickup()`, FreePBX's `**<ext>`, a pickup
 * group): the picker's channel takes the place of the ringing one in that call, which the
 * PBX then hangs up as answered elsewhere. Asterisk keeps the picker's own Linkedid until
 * the bridge forms; the tracker moves it into the picked call at once.
 */
export function onPickup(s: TrackerState, frame: AmiFrame, at: number): void {
  const pickerInfo = channelOf(frame);
  const ringingInfo = channelOf(frame, 'Target');
  if (pickerInfo === undefined || ringingInfo === undefined) return;
  const picker = observeChannel(s, pickerInfo, at);
  const ringing = observeChannel(s, ringingInfo, at);
  if (picker === undefined || ringing === undefined) return;
  const call = callOf(s, ringing);
  if (call !== undefined) joinCall(s, picker, call, { kind: 'pickup' }, at);
}
