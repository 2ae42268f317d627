import type { ChannelSnapshot } from '../../ami/channel-snapshot';
import { isDeviceChannel, parseChannelName } from '../calls/channel-name';

/** The channels of one call that the card's controls act on. */
export interface CallChannels {
  /** The operator's phone channel talking in the call (the transferer), and its bridge. */
  readonly operator: { readonly channel: string; readonly bridge: string } | undefined;
  /** Every channel of the operator's phone in the call, ringing or talking: what hang-up ends. */
  readonly operatorPhone: readonly string[];
  /** The remote party's channel (the caller, or the far end of an outgoing call). */
  readonly remote: string | undefined;
}

/**
 * Finds, among the channels the PBX lists now, those of one call (by Linkedid): the
 * operator's phone by its endpoint name, and the remote party as the bridged device
 * channel that is none of the operator's phones — preferring the channel that started the
 * call. Local channels (queues, follow-me) are skipped: they stand for dialplan, not people.
 * Only channels of this call and this extension are ever returned as the operator's, so
 * nothing the card asks can reach another operator's phone.
 */
export function callChannels(
  snapshots: readonly ChannelSnapshot[],
  callId: string,
  extension: string,
  operatorExtensions: readonly string[],
): CallChannels {
  let operator: CallChannels['operator'];
  const operatorPhone: string[] = [];
  const remotes: ChannelSnapshot[] = [];
  for (const snapshot of snapshots) {
    if (snapshot.linkedid !== callId) continue;
    const name = parseChannelName(snapshot.channel);
    if (name === undefined || !isDeviceChannel(name)) continue;
    if (name.resource === extension) {
      operatorPhone.push(snapshot.channel);
      if (snapshot.bridgeId !== undefined) {
        operator ??= { channel: snapshot.channel, bridge: snapshot.bridgeId };
      }
    } else if (snapshot.bridgeId !== undefined && !operatorExtensions.includes(name.resource)) {
      remotes.push(snapshot);
    }
  }
  const remote = remotes.find((s) => s.uniqueid === s.linkedid) ?? remotes[0];
  return { operator, operatorPhone, remote: remote?.channel };
}
