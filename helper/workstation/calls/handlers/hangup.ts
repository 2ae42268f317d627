import { header, type AmiFrame } from '../../../ami/frame';
import { hangupChannel } from '../finish';
import { parseCause } from '../outcome';
import type { TrackerState } from '../tracker-state';

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
