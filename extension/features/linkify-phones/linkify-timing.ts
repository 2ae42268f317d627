import type { LinkifyStats } from './linkify-stats';

/** User-timing entry name; the benchmark and tests observe it from the page. */
export const LINKIFY_MEASURE = 'ct:linkify';

/**
 * Publishes the last linking session as a `performance.measure`, visible in
 * DevTools' performance panel. Only the latest entry is kept, so a page that
 * changes all day does not grow the timeline buffer.
 */
export function reportLinkifyTiming(stats: LinkifyStats): void {
  if (typeof performance.measure !== 'function') return;
  try {
    performance.clearMeasures(LINKIFY_MEASURE);
    performance.measure(LINKIFY_MEASURE, {
      start: stats.startedAt,
      end: Math.max(stats.finishedAt, stats.startedAt),
      detail: { ...stats },
    });
  } catch {
    // Timing is diagnostics only; a page that replaced `performance` loses it, nothing else.
  }
}
