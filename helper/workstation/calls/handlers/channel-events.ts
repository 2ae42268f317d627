import type { ChannelSnapshot } from '../../../ami/channel-snapshot';
import { channelOf } from '../../../ami/events';
import { header, type AmiFrame } from '../../../ami/frame';
import { enterBridge } from '../bridges';
import { callOf, observeChannel } from '../channels';
import { hangupChannel } from '../finish';
import { operatorAnswered } from '../legs';
import type { ChannelRecord } from '../model';
import { parseCause } from '../outcome';
import type { TrackerState } from '../tracker-state';

const STATE_UP = 6;

/** An operator's phone whose channel is Up has answered its leg of the call. */
function answerIfUp(s: TrackerState, channel: ChannelRecord): void {
  if (channel.extension === undefined || channel.state !== STATE_UP) return;
  const call = callOf(s, channel);
  const leg = call?.legs.get(channel.extension);
  if (call !== undefined && leg !== undefined) operatorAnswered(s, call, leg);
}

/** A channel was created: it opens its call, and a phone of the operator's starts its leg. */
export function onNewchannel(s: TrackerState, frame: AmiFrame, at: number): void {
  const info = channelOf(frame);
  if (info !== undefined) observeChannel(s, info, at);
}

/**
 * A channel changed state. The one transition that has no better signal: the operator's
 * phone rung by a click-to-call goes Up when picked up (before any bridge exists).
 */
export function onNewstate(s: TrackerState, frame: AmiFrame, at: number): void {
  const info = channelOf(frame);
  if (info === undefined) return;
  const channel = observeChannel(s, info, at);
  if (channel !== undefined) answerIfUp(s, channel);
}

/** A channel is gone; a Hangup for a channel never seen is only remembered as ended. */
export function onHangup(s: TrackerState, frame: AmiFrame, at: number): void {
  const uniqueid = header(frame, 'Uniqueid');
  if (uniqueid === undefined) return;
  const channel = s.channels.get(uniqueid);
  if (channel === undefined) {
    s.endedChannels.add(uniqueid);
    return;
  }
  hangupChannel(s, channel, parseCause(header(frame, 'Cause')), at);
}

/**
 * One channel from a `CoreShowChannels` listing taken after a reconnect: it is recorded as
 * if its Newchannel had been seen when it was created (now minus its duration), and its
 * bridge membership is restored. Bridges are judged once the whole listing is in.
 */
export function applySnapshot(s: TrackerState, snapshot: ChannelSnapshot, at: number): void {
  const createdAt =
    snapshot.durationSeconds === undefined ? at : at - snapshot.durationSeconds * 1000;
  const channel = observeChannel(s, snapshot, at, createdAt);
  if (channel === undefined) return;
  if (snapshot.bridgeId !== undefined) enterBridge(s, snapshot.bridgeId, channel);
  answerIfUp(s, channel);
}
