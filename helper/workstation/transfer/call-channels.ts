import type { ChannelSnapshot } from '../../ami/channel-snapshot';
import { isDeviceChannel, parseChannelName } from '../calls/channel-name';

/** The two ends of an answered call that a transfer acts on. */
export interface CallChannels {
  /** The operator's phone channel in the call (the transferer). */
  readonly operator: string | undefined;
  /** The remote party's channel (the caller, or the far end of an outgoing call). */
  readonly remote: string | undefined;
}

/**
 * Finds, among the channels the PBX lists now, those of one call (by Linkedid): the
 * operator's phone by its endpoint name, and the remote party as the bridged device
 * channel that is none of the operator's phones — preferring the channel that started the
 * call. Local channels (queues, follow-me) are skipped: they stand for dialplan, not people.
 */
export function callChannels(
  snapshots: readonly ChannelSnapshot[],
  callId: string,
  extension: string,
  operatorExtensions: readonly string[],
): CallChannels {
  let operator: string | undefined;
  const remotes: ChannelSnapshot[] = [];
  for (const snapshot of snapshots) {
    if (snapshot.linkedid !== callId) continue;
    const name = parseChannelName(snapshot.channel);
    if (name === undefined || !isDeviceChannel(name) || snapshot.bridgeId === undefined) continue;
    if (name.resource === extension) {
      operator ??= snapshot.channel;
    } else if (!operatorExtensions.includes(name.resource)) {
      remotes.push(snapshot);
    }
  }
  const remote = remotes.find((s) => s.uniqueid === s.linkedid) ?? remotes[0];
  return { operator, remote: remote?.channel };
}
