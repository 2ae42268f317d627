import { header, type AmiFrame } from '../../../ami/frame';
import { callOf, observeBoth } from '../channels';
import { joinCall } from '../join';
import type { TrackerState } from '../tracker-state';

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
