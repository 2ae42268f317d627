import { channelOf } from '../../../ami/events';
import type { AmiFrame } from '../../../ami/frame';
import { callOf, observeChannel } from '../channels';
import { operatorAnswered } from '../legs';
import type { TrackerState } from '../tracker-state';

const STATE_UP = 6;

/**
 * A channel changed state. The one transition that has no better signal: the operator's
 * phone rung by a click-to-call goes Up when picked up (before any bridge exists).
 */
export function onNewstate(s: TrackerState, frame: AmiFrame, at: number): void {
  const info = channelOf(frame);
  if (info === undefined) return;
  const channel = observeChannel(s, info, at);
  if (channel?.extension === undefined || channel.state !== STATE_UP) return;
  const call = callOf(s, channel);
  const leg = call?.legs.get(channel.extension);
  if (call !== undefined && leg !== undefined) operatorAnswered(s, call, leg);
}
