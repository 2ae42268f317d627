import { header, type AmiFrame } from '../../../ami/frame';
import { leaveBridge } from '../bridges';
import type { TrackerState } from '../tracker-state';

export function onBridgeLeave(s: TrackerState, frame: AmiFrame): void {
  const bridgeId = header(frame, 'BridgeUniqueid');
  const uniqueid = header(frame, 'Uniqueid');
  if (bridgeId !== undefined && uniqueid !== undefined) leaveBridge(s, bridgeId, uniqueid);
}
