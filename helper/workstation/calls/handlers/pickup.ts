import type { AmiFrame } from '../../../ami/frame';
import { callOf, observeBoth } from '../channels';
import { joinCall } from '../join';
import type { TrackerState } from '../tracker-state';

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
