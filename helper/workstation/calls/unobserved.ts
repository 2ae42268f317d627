import { hangupChannel } from './finish';
import type { TrackerState } from './tracker-state';
import type { CallUpdate } from './types';

/** A channel of a call the operator's own channels no longer show. */
export interface UnobservedChannel {
  readonly uniqueid: string;
  readonly name: string;
  /** One of the operator's views of its call still rings: its end is worth knowing soon. */
  readonly ringing: boolean;
}

/**
 * The other channels of calls the operator's phones took part in but no longer do. A stream
 * filtered to the operator's own channels carries no Hangup of the caller's channel, so
 * whether such a call goes on (a queue's next round, a follow-me step, a talk elsewhere) or
 * ended (the caller gave up) can only be asked of the PBX; an office-wide stream reports it
 * moments later by itself.
 */
export function unobservedChannels(s: TrackerState): UnobservedChannel[] {
  const found: UnobservedChannel[] = [];
  for (const call of s.calls.values()) {
    if (!call.seenOperator) continue;
    const channels = [...call.channels.values()];
    if (channels.some((channel) => channel.extension !== undefined)) continue;
    const ringing = [...call.legs.values()].some((leg) => leg.state === 'ringing');
    for (const channel of channels) {
      found.push({ uniqueid: channel.uniqueid, name: channel.name.name, ringing });
    }
  }
  return found;
}

/** The PBX no longer has the channel: as if its Hangup had arrived, cause unknown. */
export function channelGone(s: TrackerState, uniqueid: string, at: number): CallUpdate[] {
  const channel = s.channels.get(uniqueid);
  if (channel !== undefined) hangupChannel(s, channel, undefined, at);
  return s.out.splice(0);
}
