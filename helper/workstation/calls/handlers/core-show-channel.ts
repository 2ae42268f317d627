import type { ChannelSnapshot } from '../../../ami/channel-snapshot';
import { enterBridge } from '../bridges';
import { callOf, observeChannel } from '../channels';
import { operatorAnswered } from '../legs';
import type { TrackerState } from '../tracker-state';

const STATE_UP = 6;

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
  if (channel.extension === undefined || channel.state !== STATE_UP) return;
  const call = callOf(s, channel);
  const leg = call?.legs.get(channel.extension);
  if (call !== undefined && leg !== undefined) operatorAnswered(s, call, leg);
}
