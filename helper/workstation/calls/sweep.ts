import { endCall } from './finish';
import type { TrackerState } from './tracker-state';
import type { CallUpdate } from './types';

/**
 * Keeps memory bounded when the PBX never reports an end (a lost Hangup without a
 * reconnect): calls older than the maximum age are ended with what is known, stale
 * click-to-call announcements are dropped, and beyond the call limit the oldest calls go
 * — those no extension of the operator takes part in first, silently.
 */
export function sweepState(s: TrackerState, at: number): CallUpdate[] {
  const { maxCallAgeMs, maxCalls, expectTtlMs } = s.config;
  for (const [channelId, expected] of s.expected) {
    if (at - expected.at > expectTtlMs) s.expected.delete(channelId);
  }
  for (const call of [...s.calls.values()]) {
    if (at - call.startedAt > maxCallAgeMs) endCall(s, call, at);
  }
  if (s.calls.size > maxCalls) {
    for (const call of [...s.calls.values()]) {
      if (s.calls.size <= maxCalls) break;
      if (call.legs.size === 0) endCall(s, call, at);
    }
    for (const call of [...s.calls.values()]) {
      if (s.calls.size <= maxCalls) break;
      endCall(s, call, at);
    }
  }
  return s.out.splice(0);
}
