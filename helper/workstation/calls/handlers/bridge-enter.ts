import { channelOf } from '../../../ami/events';
import { header, type AmiFrame } from '../../../ami/frame';
import { enterBridge, evaluateBridge } from '../bridges';
import { callOf, observeChannel } from '../channels';
import type { TrackerState } from '../tracker-state';

/** Holding bridges (parking, music on hold) are no conversation. */
function isHolding(frame: AmiFrame): boolean {
  const type = `${header(frame, 'BridgeType') ?? ''} ${header(frame, 'BridgeTechnology') ?? ''}`;
  return /holding|parking/i.test(type);
}

/** A channel joined a bridge: who is bridged with whom tells who answered. */
export function onBridgeEnter(s: TrackerState, frame: AmiFrame, at: number): void {
  const bridgeId = header(frame, 'BridgeUniqueid');
  const info = channelOf(frame);
  if (bridgeId === undefined || info === undefined || isHolding(frame)) return;
  const channel = observeChannel(s, info, at);
  if (channel === undefined) return;
  enterBridge(s, bridgeId, channel);
  const call = callOf(s, channel);
  if (call !== undefined) evaluateBridge(s, call, bridgeId, at);
}
