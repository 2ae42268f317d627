import { describe, expect, it } from 'vitest';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';
import {
  changes,
  endedOf,
  loadSequence,
  replayTracker,
  snapshotsOf,
} from '../../../../support/helper/workstation/calls/replay';

/**
 * Replays a recording as if the AMI connection was down until its CoreShowChannels
 * listing was taken: events before the listing are lost, the listing is fed to resync(),
 * and the events after it arrive normally.
 */
function replayWithOutage(name: string, extensions: readonly string[]): CallUpdate[] {
  const sequence = loadSequence(name);
  const snapshot = sequence.snapshot;
  if (snapshot === undefined) throw new Error(`${name} has no snapshot`);
  const { tracker, setTime } = replayTracker({ extensions });
  setTime(snapshot.at);
  const updates = tracker.resync(snapshotsOf(snapshot.channels));
  for (const { at, frame } of sequence.events) {
    if (at <= snapshot.at) continue;
    setTime(at);
    updates.push(...tracker.handle(frame));
  }
  return updates;
}

describe('resync after a reconnect', () => {
  it('a call that began during the outage and still rings gets its card and its end', () => {
    const updates = replayWithOutage('resync-ringing', ['101']);
    expect(changes(updates)).toEqual(['101:ringing', '101:answered', '101:ended']);
    // Its end came as events, after the resync: seen.
    expect(endedOf(updates, '101').view.endUnseen).toBeUndefined();
    expect(updates[0]!.view).toMatchObject({
      direction: 'in',
      remote: { raw: '79161234567', e164: '+79161234567' },
    });
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered', missed: false });
  });

  it('a call answered during the outage shows answered at once, then ends', () => {
    const updates = replayWithOutage('resync-talking', ['101']);
    expect(changes(updates)).toEqual(['101:answered', '101:ended']);
    expect(endedOf(updates, '101').record).toMatchObject({ result: 'answered' });
  });

  it('a ringing call that ended during the outage is ended by the resync', () => {
    const sequence = loadSequence('direct-answered');
    const { tracker, setTime } = replayTracker({ extensions: ['101'] });
    const updates: CallUpdate[] = [];
    for (const { at, frame } of sequence.events) {
      if (frame['Event'] === 'Newstate' && frame['ChannelStateDesc'] === 'Up') break;
      setTime(at);
      updates.push(...tracker.handle(frame));
    }
    expect(changes(updates)).toEqual(['101:ringing']);
    setTime(60_000);
    const resynced = tracker.resync([]);
    expect(changes(resynced)).toEqual(['101:ended']);
    expect(resynced[0]!.record).toMatchObject({ result: 'no-answer', missed: true });
    // The state last seen, not the PBX's word: the view says so for the card and journal.
    expect(resynced[0]!.view.endUnseen).toBe(true);
    expect(tracker.active()).toEqual([]);
    expect(tracker.size()).toEqual({ calls: 0, channels: 0, bridges: 0 });
  });

  it('a resync that lists what the tracker already knows changes nothing', () => {
    const sequence = loadSequence('resync-ringing');
    const { tracker, setTime } = replayTracker({ extensions: ['101'] });
    for (const { at, frame } of sequence.events) {
      if (at > sequence.snapshot!.at) break;
      setTime(at);
      tracker.handle(frame);
    }
    expect(tracker.resync(snapshotsOf(sequence.snapshot!.channels))).toEqual([]);
    expect(tracker.active()).toHaveLength(1);
  });
});
