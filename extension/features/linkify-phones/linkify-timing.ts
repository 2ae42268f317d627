import type { LinkifyStats } from './linkify-stats';
import type { PaintStats } from './paint-stats';

/** User-timing entry names; the benchmark and tests observe them from the page. */
export const LINKIFY_MEASURE = 'ct:linkify';
export const PAINT_MEASURE = 'ct:paint';
export const PAINT_VIEWPORT_MEASURE = 'ct:paint-viewport';

/**
 * Publishes a session as a `performance.measure`, visible in DevTools'
 * performance panel. Only the latest entry of a name is kept, so a page that
 * changes all day does not grow the timeline buffer.
 */
function publish(name: string, start: number, end: number, detail: object): void {
  if (typeof performance.measure !== 'function') return;
  try {
    performance.clearMeasures(name);
    performance.measure(name, { start, end: Math.max(end, start), detail: { ...detail } });
  } catch {
    // Timing is diagnostics only; a page that replaced `performance` loses it, nothing else.
  }
}

/** The last linking session (inserted links). */
export function reportLinkifyTiming(stats: LinkifyStats): void {
  publish(LINKIFY_MEASURE, stats.startedAt, stats.finishedAt, stats);
}

/** The last painting session, until every number was found and ready. */
export function reportPaintTiming(stats: PaintStats): void {
  publish(PAINT_MEASURE, stats.startedAt, stats.finishedAt, stats);
}

/** The last painting session, until the numbers near the viewport were painted. */
export function reportViewportTiming(stats: PaintStats): void {
  publish(PAINT_VIEWPORT_MEASURE, stats.startedAt, stats.viewportReadyAt ?? stats.startedAt, stats);
}
