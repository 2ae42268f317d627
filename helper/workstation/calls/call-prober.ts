import type { AmiClient } from '../../ami/client';
import { AmiActionError } from '../../ami/errors';
import type { CallUpdate } from './types';
import type { UnobservedChannel } from './unobserved';

export const DEFAULT_PROBE_INTERVAL_MS = 2_000;
/** A call whose operator's view no longer rings (answered elsewhere, talked) is asked less often. */
const QUIET_PROBE_INTERVAL_MS = 5_000;
/** At most this many Status actions per round, however many calls wait. */
const PROBES_PER_ROUND = 20;

/** Whether the PBX still has a channel: true, false, or undefined when it could not say. */
export type ChannelExists = (name: string) => Promise<boolean | undefined>;

/**
 * Asks with `Status` (write class `call` or `reporting`); its answer comes as the action's
 * response, which event filters never drop.
 */
export function amiChannelExists(ami: Pick<AmiClient, 'actionList'>): ChannelExists {
  return async (name) => {
    try {
      await ami.actionList('Status', { Channel: name });
      return true;
    } catch (error) {
      if (error instanceof AmiActionError && /no such channel/i.test(error.serverMessage)) {
        return false;
      }
      return undefined;
    }
  };
}

/**
 * Every `intervalMs` asks the PBX about the channels of calls the operator's own channels no
 * longer show (CallTracker.unobserved) and ends the calls whose channels are gone: with an
 * AMI account filtered to the seat's channels this is how a card learns that the caller hung
 * up between a queue's rounds or while another phone talked. Stops when the signal aborts.
 */
export function startCallProber(
  tracker: {
    unobserved(): UnobservedChannel[];
    channelGone(uniqueid: string): CallUpdate[];
  },
  exists: ChannelExists,
  publish: (updates: CallUpdate[]) => void,
  signal: AbortSignal,
  intervalMs: number = DEFAULT_PROBE_INTERVAL_MS,
): void {
  if (signal.aborted) return;
  const askedAt = new Map<string, number>();
  let busy = false;
  const round = async (): Promise<void> => {
    const now = Date.now();
    const waiting = tracker.unobserved();
    const live = new Set(waiting.map((c) => c.uniqueid));
    for (const uniqueid of askedAt.keys()) if (!live.has(uniqueid)) askedAt.delete(uniqueid);
    const due = waiting
      .filter(
        (c) => now - (askedAt.get(c.uniqueid) ?? 0) >= (c.ringing ? 0 : QUIET_PROBE_INTERVAL_MS),
      )
      .slice(0, PROBES_PER_ROUND);
    for (const channel of due) {
      if (signal.aborted) return;
      askedAt.set(channel.uniqueid, now);
      if ((await exists(channel.name)) === false) publish(tracker.channelGone(channel.uniqueid));
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void round().finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
