import { seatFilterRules } from '../../../../../helper/workstation/manager-conf/seat-filters';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';
import type { RecordedEvent } from '../../../ami-sequences/sequence-format';
import { passesFilters } from '../manager-conf/asterisk-filter';
import { replayTracker } from './replay';

/** What the per-seat account `manager-conf --seats <phone>` prints would let through. */
export function seatStream(events: readonly RecordedEvent[], phone: string): RecordedEvent[] {
  const rules = seatFilterRules([phone], 'PJSIP/{ext}');
  return events.filter(({ frame }) => passesFilters(rules, frame));
}

/**
 * Replays a seat's stream into a tracker of that seat and, after each event, answers the
 * tracker's questions about calls it no longer sees (CallTracker.unobserved) the way the PBX
 * would at that moment: a channel is gone once the full recording has its Hangup.
 */
export function replaySeat(
  all: readonly RecordedEvent[],
  phone: string,
  extensions: readonly string[] = [phone],
): CallUpdate[] {
  const { tracker, setTime } = replayTracker({ extensions });
  const mine = new Set(seatStream(all, phone));
  const hungUp = new Set<string>();
  const updates: CallUpdate[] = [];
  for (const event of all) {
    setTime(event.at);
    if (event.frame['Event'] === 'Hangup') hungUp.add(String(event.frame['Uniqueid']));
    if (mine.has(event)) updates.push(...tracker.handle(event.frame));
    for (const channel of tracker.unobserved()) {
      if (hungUp.has(channel.uniqueid)) updates.push(...tracker.channelGone(channel.uniqueid));
    }
  }
  return updates;
}
