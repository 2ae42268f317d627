import { afterEach, describe, expect, it } from 'vitest';
import {
  createSliceScheduler,
  type SliceDeadline,
  type SliceScheduler,
} from '../../../../../extension/lib/dom/slice-scheduler';

let controller = new AbortController();

afterEach(() => controller.abort());

/** A scheduler on a clock that stands still, so each slice reports the whole of its length. */
function frozenScheduler(run: (deadline: SliceDeadline, scheduler: SliceScheduler) => void): {
  scheduler: SliceScheduler;
  lengths: number[];
  slicesDone(count: number): Promise<void>;
} {
  controller = new AbortController();
  const lengths: number[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  const scheduler = createSliceScheduler(
    (deadline) => {
      lengths.push(deadline.timeRemaining());
      run(deadline, scheduler);
      for (const waiter of waiters.filter((entry) => lengths.length >= entry.count)) {
        waiter.resolve();
      }
    },
    { signal: controller.signal, maxSliceMs: 25, minSliceMs: 8, now: () => 1000 },
  );
  return {
    scheduler,
    lengths,
    slicesDone: (count) =>
      new Promise((resolve) => {
        if (lengths.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
  };
}

describe('slice scheduler', () => {
  it('gives slices their usual length unless a longer one is asked for', async () => {
    let slices = 0;
    const { scheduler, lengths, slicesDone } = frozenScheduler((_deadline, self) => {
      slices++;
      if (slices === 1) self.request(40);
      else if (slices === 2) self.request();
    });
    scheduler.request();
    await slicesDone(3);
    expect(lengths).toEqual([25, 40, 25]);
  });

  it('runs one slice for requests made before it starts, as long as the longest asked for', async () => {
    const { scheduler, lengths, slicesDone } = frozenScheduler(() => undefined);
    scheduler.request(30);
    scheduler.request(40);
    scheduler.request();
    await slicesDone(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lengths).toEqual([40]);
  });

  it('runs nothing once aborted', async () => {
    const { scheduler, lengths } = frozenScheduler(() => undefined);
    scheduler.request();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lengths).toEqual([]);
  });
});
