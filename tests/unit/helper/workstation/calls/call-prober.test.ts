import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AmiActionError, AmiTimeoutError } from '../../../../../helper/ami/errors';
import {
  amiChannelExists,
  startCallProber,
} from '../../../../../helper/workstation/calls/call-prober';
import { replayTracker, loadSequence } from '../../../../support/helper/workstation/calls/replay';
import { seatStream } from '../../../../support/helper/workstation/calls/seat-stream';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_760_000_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startCallProber', () => {
  it("ends a seat's card once the PBX no longer has the caller's channel, and stops with its signal", async () => {
    // The caller gave up between two rounds of a queue: the seat's stream says nothing more.
    const { events } = loadSequence('queue-retry-cancelled');
    const mine = seatStream(events, '101');
    const lastRound = mine.map((e) => e.frame['Event']).lastIndexOf('Hangup');
    const { tracker } = replayTracker({ extensions: ['101'] });
    for (const { frame } of mine.slice(0, lastRound + 1)) tracker.handle(frame);
    const caller = tracker.unobserved();
    expect(caller).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^PJSIP\/trunk-/), ringing: true }),
    ]);

    const alive = new Set(caller.map((c) => c.name));
    const asked: string[] = [];
    const published: CallUpdate[][] = [];
    const controller = new AbortController();
    startCallProber(
      tracker,
      async (name) => (asked.push(name), alive.has(name)),
      (updates) => published.push(updates),
      controller.signal,
      2_000,
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toHaveLength(1);
    expect(published).toEqual([]);

    alive.clear();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(published.flat().map((u) => `${u.view.extension}:${u.change}`)).toEqual(['101:ended']);
    expect(published.flat()[0]!.record).toMatchObject({ missed: true });
    expect(tracker.unobserved()).toEqual([]);

    controller.abort();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked).toHaveLength(2);
  });
});

describe('amiChannelExists', () => {
  it('reads Status: listed, "No such channel", or no answer', async () => {
    const exists = amiChannelExists({
      actionList: async (_name, fields) => {
        if (fields?.['Channel'] === 'PJSIP/trunk-1')
          return { response: {}, events: [], complete: {} } as never;
        if (fields?.['Channel'] === 'PJSIP/trunk-2')
          throw new AmiActionError('Status', 'No such channel');
        throw new AmiTimeoutError('Status', 5_000);
      },
    });
    expect(await exists('PJSIP/trunk-1')).toBe(true);
    expect(await exists('PJSIP/trunk-2')).toBe(false);
    expect(await exists('PJSIP/trunk-3')).toBeUndefined();
  });
});
