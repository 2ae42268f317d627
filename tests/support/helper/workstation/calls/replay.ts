import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  channelSnapshotOf,
  type ChannelSnapshot,
} from '../../../../../helper/ami/channel-snapshot';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import { CallTracker } from '../../../../../helper/workstation/calls/tracker';
import type { CallTrackerOptions, CallUpdate } from '../../../../../helper/workstation/calls/types';
import type { RecordedSequence } from '../../../ami-sequences/sequence-format';

/** Epoch ms the replayed recordings are placed at. */
export const BASE_TIME = 1_760_000_000_000;

export function loadSequence(name: string): RecordedSequence {
  const url = new URL(`../../../ami-sequences/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as RecordedSequence;
}

export function snapshotsOf(frames: readonly AmiFrame[]): ChannelSnapshot[] {
  return frames.flatMap((frame) => {
    const snapshot = channelSnapshotOf(frame);
    return snapshot === undefined ? [] : [snapshot];
  });
}

/** A tracker on a clock the replay moves to each recorded event's arrival time. */
export function replayTracker(options: Omit<CallTrackerOptions, 'now'>): {
  tracker: CallTracker;
  setTime(at: number): void;
} {
  let now = BASE_TIME;
  const tracker = new CallTracker({ ...options, now: () => now });
  return { tracker, setTime: (at) => void (now = BASE_TIME + at) };
}

/** Feeds a whole recording (or the part within [from, to)) and returns every update. */
export function replay(
  name: string,
  extensions: readonly string[],
  extra: Partial<CallTrackerOptions> = {},
): CallUpdate[] {
  const { tracker, setTime } = replayTracker({ extensions, ...extra });
  const updates: CallUpdate[] = [];
  for (const { at, frame } of loadSequence(name).events) {
    setTime(at);
    updates.push(...tracker.handle(frame));
  }
  return updates;
}

/** `extension:change` for each update, the compact shape most assertions compare. */
export function changes(updates: readonly CallUpdate[]): string[] {
  return updates.map((u) => `${u.view.extension}:${u.change}`);
}

export function endedOf(updates: readonly CallUpdate[], extension: string): CallUpdate {
  const ended = updates.find((u) => u.change === 'ended' && u.view.extension === extension);
  if (ended === undefined) throw new Error(`no ended update for ${extension}`);
  return ended;
}
