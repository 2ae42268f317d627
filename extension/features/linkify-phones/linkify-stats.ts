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
