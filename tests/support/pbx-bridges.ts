import type { RawAmiClient } from '../../harness/raw-ami';
import { eventually } from './journal/harness-journal';

/** A channel in progress and the bridge it is in, as the PBX lists it. */
export interface LiveChannel {
  readonly channel: string;
  readonly bridge: string | undefined;
}

/** The channels in progress now (CoreShowChannels on the given, usually admin, account). */
export async function channelsNow(ami: RawAmiClient): Promise<LiveChannel[]> {
  const { events } = await ami.listAction({ Action: 'CoreShowChannels' });
  return events
    .filter((event) => event.Event === 'CoreShowChannel')
    .map((event) => ({ channel: event.Channel ?? '', bridge: event.BridgeId || undefined }));
}

/** The other half of a Local channel: `…;1` ↔ `…;2`. */
function localPartner(channel: string): string | undefined {
  if (!channel.startsWith('Local/')) return undefined;
  if (channel.endsWith(';1')) return `${channel.slice(0, -1)}2`;
  if (channel.endsWith(';2')) return `${channel.slice(0, -1)}1`;
  return undefined;
}

/**
 * Whether a channel matching `a` talks to one matching `b`: they share a bridge, or their
 * bridges are joined through the two halves of Local channels.
 */
export function talking(channels: readonly LiveChannel[], a: RegExp, b: RegExp): boolean {
  const queue = channels.filter((c) => a.test(c.channel));
  const seen = new Set<string>(queue.map((c) => c.channel));
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    const here = current;
    for (const c of channels) {
      if (seen.has(c.channel)) continue;
      const sameBridge = here.bridge !== undefined && c.bridge === here.bridge;
      if (!sameBridge && localPartner(here.channel) !== c.channel) continue;
      if (b.test(c.channel)) return true;
      seen.add(c.channel);
      queue.push(c);
    }
  }
  return false;
}

/** Waits until the PBX's channels satisfy `accept`; says what it last saw otherwise. */
export function untilChannels(
  ami: RawAmiClient,
  accept: (channels: LiveChannel[]) => boolean,
  what: string,
): Promise<LiveChannel[]> {
  return eventually(() => channelsNow(ami), accept, what, 20_000);
}
