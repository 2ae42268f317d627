export interface RateLimit {
  /** Requests allowed back to back. */
  burst: number;
  /** Sustained rate the bucket refills at. */
  perMinute: number;
}

/**
 * Token bucket in its "generic cell rate" form: one timestamp instead of a
 * fractional token count, so refills never drift by rounding. The clock is
 * injectable so tests need not wait.
 */
export class TokenBucket {
  /** Milliseconds one token takes to refill. */
  private readonly interval: number;
  /** How far ahead of now the schedule may run: the burst minus the request at hand. */
  private readonly tolerance: number;
  /** When the bucket would be full again if nothing else were taken. */
  private fullAt: number;

  constructor(
    limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.interval = 60_000 / limit.perMinute;
    this.tolerance = this.interval * (limit.burst - 1);
    this.fullAt = now();
  }

  tryTake(): boolean {
    const now = this.now();
    const start = Math.max(this.fullAt, now);
    if (start - now > this.tolerance) return false;
    this.fullAt = start + this.interval;
    return true;
  }

  /** Milliseconds until the next request would pass. */
  retryAfterMs(): number {
    const now = this.now();
    return Math.max(0, Math.ceil(Math.max(this.fullAt, now) - now - this.tolerance));
  }
}
