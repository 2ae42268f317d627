import type { ChannelSnapshot } from '../../ami/channel-snapshot';
import { evaluateBridge } from './bridges';
import { hangupChannel } from './finish';
import { applySnapshot } from './handlers/channel-events';
import type { TrackerState } from './tracker-state';
import type { CallUpdate } from './types';

/**
 * Brings the tracker in line with the PBX after events were lost (a reconnect):
 * channels the tracker holds that the PBX no longer lists hung up meanwhile (their calls
 * end with what is known, marked `endUnseen` so the journal does not pass the state last
 * seen off as the PBX's result); channels it lists that the tracker never saw started meanwhile.
 * Bridges are rebuilt from the listing, then judged, so a call answered during the outage
 * shows as answered. Only the latest update per view is kept: a card that appears for a
 * call already answered appears answered.
 */
export function resyncState(
  s: TrackerState,
  snapshots: readonly ChannelSnapshot[],
  at: number,
): CallUpdate[] {
  const listed = new Set<string>();
  for (const snapshot of snapshots) {
    if (snapshot.uniqueid !== undefined) listed.add(snapshot.uniqueid);
  }
  const lostSight = new Set<string>();
  for (const call of [...s.calls.values()]) {
    for (const channel of [...call.channels.values()]) {
      if (listed.has(channel.uniqueid)) continue;
      lostSight.add(call.linkedid);
      hangupChannel(s, channel, undefined, at);
    }
  }
  s.bridges.clear();
  for (const channel of s.channels.values()) channel.bridged = false;
  for (const snapshot of [...snapshots].sort(originatorsFirst)) applySnapshot(s, snapshot, at);
  for (const [bridgeId, members] of [...s.bridges]) {
    const first = members.values().next();
    if (first.done === true) continue;
    const channel = s.channels.get(first.value);
    const call = channel === undefined ? undefined : s.calls.get(channel.linkedid);
    if (call !== undefined) evaluateBridge(s, call, bridgeId, at);
  }
  return latestPerView(s.out.splice(0)).map((update) =>
    update.change === 'ended' && lostSight.has(update.view.callId)
      ? { ...update, view: { ...update.view, endUnseen: true } }
      : update,
  );
}

/** The channel that started a call first, then the longest-lived. */
function originatorsFirst(a: ChannelSnapshot, b: ChannelSnapshot): number {
  const aFirst = a.uniqueid !== undefined && a.uniqueid === a.linkedid ? 0 : 1;
  const bFirst = b.uniqueid !== undefined && b.uniqueid === b.linkedid ? 0 : 1;
  if (aFirst !== bFirst) return aFirst - bFirst;
  return (b.durationSeconds ?? 0) - (a.durationSeconds ?? 0);
}

function latestPerView(updates: CallUpdate[]): CallUpdate[] {
  const latest = new Map<string, CallUpdate>();
  for (const update of updates) {
    const key = `${update.view.callId}\u0000${update.view.extension}`;
    latest.delete(key);
    latest.set(key, update);
  }
  return [...latest.values()];
}
