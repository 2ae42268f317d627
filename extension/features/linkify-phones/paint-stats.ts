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
    heldTexts: 0,
    heldElements: 0,
    watchedLists: 0,
    watchedElements: 0,
  };
}
