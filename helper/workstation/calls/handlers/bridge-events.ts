import { channelOf } from '../../../ami/events';
import { header, type AmiFrame } from '../../../ami/frame';
import { enterBridge, evaluateBridge, leaveBridge } from '../bridges';
import { callOf, observeBoth, observeChannel } from '../channels';
import { absorbingCall, joinCall } from '../join';
import type { ChannelRecord } from '../model';
import type { TrackerState } from '../tracker-state';

/** Holding bridges (parking, music on hold) are no conversation. */
function isHolding(frame: AmiFrame): boolean {
  const type = `${header(frame, 'BridgeType') ?? ''} ${header(frame, 'BridgeTechnology') ?? ''}`;
  return /holding|parking/i.test(type);
}

/**
 * A channel joined a bridge: who is bridged with whom tells who answered. A bridge that
 * joins channels of different calls (an attended transfer: the caller enters the bridge of
 * the consultation call) makes them one call, as Asterisk does with their Linkedids.
 */
export function onBridgeEnter(s: TrackerState, frame: AmiFrame, at: number): void {
  const bridgeId = header(frame, 'BridgeUniqueid');
  const info = channelOf(frame);
  if (bridgeId === undefined || info === undefined || isHolding(frame)) return;
  const channel = observeChannel(s, info, at);
  if (channel === undefined) return;
  enterBridge(s, bridgeId, channel);
  mergeCalls(s, bridgeId, at);
  const call = callOf(s, channel);
  if (call !== undefined) evaluateBridge(s, call, bridgeId, at);
}

function mergeCalls(s: TrackerState, bridgeId: string, at: number): void {
  const members: ChannelRecord[] = [];
  for (const uniqueid of s.bridges.get(bridgeId) ?? []) {
    const member = s.channels.get(uniqueid);
    if (member !== undefined) members.push(member);
  }
  const target = absorbingCall(s, members);
  if (target === undefined) return;
  const peer = members.find((m) => m.linkedid === target.linkedid && m.extension === undefined);
  for (const member of members) {
    if (member.linkedid !== target.linkedid) {
      joinCall(s, member, target, { kind: 'bridge', peer }, at);
    }
  }
}

export function onBridgeLeave(s: TrackerState, frame: AmiFrame): void {
  const bridgeId = header(frame, 'BridgeUniqueid');
  const uniqueid = header(frame, 'Uniqueid');
  if (bridgeId !== undefined && uniqueid !== undefined) leaveBridge(s, bridgeId, uniqueid);
}

/**
 * An attended transfer completed (on the phone with REFER/Replaces, or by AMI): the
 * transferee now talks to the transfer target. The bridge events usually say so first; this
 * covers a stream that carries only the target's own channels.
 */
export function onAttendedTransfer(s: TrackerState, frame: AmiFrame, at: number): void {
  if (header(frame, 'Result') !== 'Success') return;
  const channels = observeBoth(s, frame, ['TransferTarget', 'Transferee'], at);
  if (channels === undefined) return;
  const [target, transferee] = channels;
  const call = callOf(s, transferee);
  if (call !== undefined && target.linkedid !== transferee.linkedid) {
    joinCall(s, target, call, { kind: 'bridge', peer: transferee }, at);
  }
}
