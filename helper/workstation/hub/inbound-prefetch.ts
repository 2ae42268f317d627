import { channelOf, eventName } from '../../ami/events';
import type { AmiFrame } from '../../ami/frame';
import { ExtensionMatcher, isDeviceChannel, parseChannelName } from '../calls/channel-name';
import { partyNumberFactory } from '../calls/remote-number';
import type { CountryCode } from '../../../shared/phone/types';
import { isLookupKey } from './lookup-key';

export interface InboundPrefetchOptions {
  /** The operator's own extensions: calls their phones start are not inbound. */
  readonly extensions: readonly string[];
  readonly defaultCountry: CountryCode;
  /** Starts (or joins) the caller's lookup; its answer lands in the lookup's cache. */
  readonly prefetch: (dbKey: string) => void;
}

/**
 * Starts the caller's lookup as soon as a call from outside reaches the PBX, while the
 * dialplan (an IVR, a queue, a ring group) is still on its way to the operator's phone.
 * The card's lookup of the same number then joins that round or finds its answer cached,
 * so the identity is there when the phone rings, however long the database takes.
 *
 * Only a call's first channel is considered (Uniqueid = Linkedid), and only a device
 * channel that is not the operator's own phone and carries an external caller number.
 */
export function createInboundPrefetch(options: InboundPrefetchOptions): (frame: AmiFrame) => void {
  const matcher = new ExtensionMatcher(options.extensions);
  const partyNumber = partyNumberFactory(options.defaultCountry);
  return (frame) => {
    if (eventName(frame) !== 'Newchannel') return;
    const info = channelOf(frame);
    if (info?.uniqueid === undefined || info.uniqueid !== info.linkedid) return;
    if (info.callerIdNum === undefined) return;
    const name = parseChannelName(info.channel);
    if (name === undefined || !isDeviceChannel(name) || matcher.match(name) !== undefined) return;
    const { dbKey } = partyNumber(info.callerIdNum);
    if (isLookupKey(dbKey)) options.prefetch(dbKey);
  };
}
