import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../../../helper/workstation/ws/token-bucket';

describe('TokenBucket', () => {
  it('allows the burst, then refills at the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 3, perMinute: 20 }, () => now);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.retryAfterMs()).toBe(3_000);
    now += 2_999;
    expect(bucket.tryTake()).toBe(false);
    now += 1;
    expect(bucket.tryTake()).toBe(true);
  });

  it('never stores more than the burst', () => {
    let now = 0;
    const bucket = new TokenBucket({ burst: 2, perMinute: 60 }, () => now);
    now += 60 * 60_000;
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });
});
