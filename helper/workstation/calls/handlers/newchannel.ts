import { channelOf } from '../../../ami/events';
import type { AmiFrame } from '../../../ami/frame';
import { observeChannel } from '../channels';
import type { TrackerState } from '../tracker-state';

/** A channel was created: it opens its call, and a phone of the operator's starts its leg. */
export function onNewchannel(s: TrackerState, frame: AmiFrame, at: number): void {
  const info = channelOf(frame);
  if (info !== undefined) observeChannel(s, info, at);
}
