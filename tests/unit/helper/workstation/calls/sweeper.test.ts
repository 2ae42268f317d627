import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCallSweeper } from '../../../../../helper/workstation/calls/sweeper';
import { CallTracker } from '../../../../../helper/workstation/calls/tracker';
import type { CallUpdate } from '../../../../../helper/workstation/calls/types';
import { ev, inbound } from '../../../../support/helper/workstation/calls/frames';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_760_000_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startCallSweeper', () => {
  it('ends stale calls on its interval and stops with its signal', () => {
    const tracker = new CallTracker({ extensions: ['101'], maxCallAgeMs: 90_000 });
    const { trunk, dest } = inbound('1', '101');
    tracker.handle(ev.newchannel(trunk));
    tracker.handle(ev.newchannel(dest));
    const published: CallUpdate[][] = [];
    const controller = new AbortController();
    startCallSweeper(tracker, (updates) => published.push(updates), controller.signal, 60_000);

    vi.advanceTimersByTime(60_000);
    expect(published).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(published.map((batch) => batch.map((u) => u.change))).toEqual([['ended']]);

    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing with an aborted signal', () => {
    const controller = new AbortController();
    controller.abort();
    startCallSweeper({ sweep: () => [] }, () => undefined, controller.signal);
    expect(vi.getTimerCount()).toBe(0);
  });
});
