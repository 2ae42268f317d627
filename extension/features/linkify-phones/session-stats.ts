/**
 * The figures of a session of either rendering (from work arriving to the
 * work running dry) and their publishing as user-timing entries, which the
 * benchmark, the tests and DevTools' performance panel read from the page.
 */

/** Figures of one linking session: from work arriving to the queue running dry. */
export interface LinkifyStats {
  /** `performance.now()` when the first root of the session was queued. */
  startedAt: number;
  finishedAt: number;
  /** When the first link of the session went onto the page; null while none has. */
  firstWriteAt: number | null;
  /** Time spent inside slices, without the idle gaps between them. */
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  /** Text nodes handed to the phone finder. */
  textNodes: number;
  links: number;
  telLinks: number;
}

export function emptyStats(startedAt: number): LinkifyStats {
  return {
    startedAt,
    finishedAt: startedAt,
    firstWriteAt: null,
    busyMs: 0,
    longestSliceMs: 0,
    slices: 0,
    textNodes: 0,
    links: 0,
    telLinks: 0,
  };
}

/** Figures of one painting session: from work arriving to the work running dry. */
export interface PaintStats {
  /** `performance.now()` when the session's first work was queued. */
  startedAt: number;
  /** When every number near the viewport was painted; null until then. */
  viewportReadyAt: number | null;
  /**
   * When the work ran dry: every number near the viewport found and painted,
   * and the rest of the document outlined and watched, so that each number
   * is painted as it comes near (and found at once when a click reaches it).
   */
  finishedAt: number;
  /** Time spent inside slices, without the gaps between them. */
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  /** Text nodes collected as worth reading. */
  textNodes: number;
  /** Numbers found: those that came near the viewport (the rest are found when they do). */
  found: number;
  /** Ranges in the highlight when the session ended. */
  painted: number;
  /**
   * Tasks that changed the highlight: the browser repaints the whole page
   * after each, so loading a static page should cost exactly one.
   */
  highlightChanges: number;
  /** Text nodes and parent elements the painter holds when the session ended: what it keeps in memory. */
  heldTexts: number;
  heldElements: number;
  /** Long lists watched in blocks, and the elements the IntersectionObserver watches. */
  watchedLists: number;
  watchedElements: number;
}

export function emptyPaintStats(startedAt: number): PaintStats {
  return {
    startedAt,
    viewportReadyAt: null,
    finishedAt: startedAt,
    busyMs: 0,
    longestSliceMs: 0,
    slices: 0,
    textNodes: 0,
    found: 0,
    painted: 0,
    highlightChanges: 0,
    heldTexts: 0,
    heldElements: 0,
    watchedLists: 0,
    watchedElements: 0,
  };
}

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
