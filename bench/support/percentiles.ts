/** Nearest-rank percentile (0 < share ≤ 1) of the values; NaN when there are none. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(share * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Spread {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export function spreadOf(values: readonly number[]): Spread {
  return {
    count: values.length,
    p50: percentile(values, 0.5),
    p90: percentile(values, 0.9),
    p99: percentile(values, 0.99),
    max: percentile(values, 1),
  };
}

/** `p50 1.23 ms, p90 …` for a line of the report. */
export function formatSpread(spread: Spread): string {
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  return (
    `p50 ${ms(spread.p50)}, p90 ${ms(spread.p90)}, p99 ${ms(spread.p99)}, ` +
    `max ${ms(spread.max)} (n=${spread.count})`
  );
}
