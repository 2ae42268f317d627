/** Figures of one painting session: from work arriving to the work running dry. */
export interface PaintStats {
  /** `performance.now()` when the session's first work was queued. */
  startedAt: number;
  /** When every number near the viewport was painted; null until then. */
  viewportReadyAt: number | null;
  /** When every candidate text was read: all numbers found and ready. */
  finishedAt: number;
  /** Time spent inside slices, without the gaps between them. */
  busyMs: number;
  longestSliceMs: number;
  slices: number;
  /** Text nodes handed to the phone finder. */
  textNodes: number;
  /** Numbers found. */
  found: number;
  /** Ranges in the highlight when the session ended. */
  painted: number;
  /** Text nodes and parent elements the painter holds when the session ended: what it keeps in memory. */
  heldTexts: number;
  heldElements: number;
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
  };
}
