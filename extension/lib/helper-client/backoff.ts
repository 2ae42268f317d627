/** First retry waits at most this long, so a restarted helper is found at once. */
export const FIRST_RETRY_MS = 800;

/** No wait between attempts is longer than this. */
export const MAX_RETRY_MS = 10_000;

/**
 * Delay before reconnect attempt `attempt` (0 for the first retry): doubling
 * from `FIRST_RETRY_MS` up to `MAX_RETRY_MS`, each drawn from the upper half
 * of its step so that many workstations restarting together spread out.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + (random() * step) / 2);
}
