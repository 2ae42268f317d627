import type { CDPSession } from 'playwright-core';

/** A Chrome trace event, as `Tracing.dataCollected` delivers it. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  /** Microseconds; `dur` is wall time, `tdur` the thread's CPU time. */
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

export type WorkKind =
  'contentScript' | 'pageScript' | 'style' | 'layout' | 'paint' | 'garbageCollection' | 'tasks';

/** Time of one kind of work on the page's main thread, in milliseconds. */
export interface WorkFigures {
  wallMs: number;
  /** CPU time: on a busy machine the wall time also holds waits for a core. */
  cpuMs: number;
  count: number;
  longestMs: number;
}

/** Where the page's main thread spent one linking run. */
export interface TraceBreakdown {
  windowMs: number;
  work: Record<WorkKind, WorkFigures>;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

const KINDS: ReadonlyMap<string, WorkKind> = new Map([
  ['FunctionCall', 'pageScript'],
  ['UpdateLayoutTree', 'style'],
  ['Layout', 'layout'],
  ['PrePaint', 'paint'],
  ['Paint', 'paint'],
  ['Layerize', 'paint'],
  ['Commit', 'paint'],
  ['MinorGC', 'garbageCollection'],
  ['MajorGC', 'garbageCollection'],
  ['RunTask', 'tasks'],
]);

export class TraceReadError extends Error {
  override readonly name = 'TraceReadError';
}

/** Records the page's timeline through CDP until `stop()` resolves with the events. */
export async function startTrace(session: CDPSession): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (message) => {
    // Playwright types trace events as string maps; Chrome sends numbers for ts, dur and ids.
    events.push(...(message.value as unknown as TraceEvent[]));
  });
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => {
        session.once('Tracing.tracingComplete', () => resolve());
      });
      await session.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

function kindOf(event: TraceEvent): WorkKind | undefined {
  const kind = KINDS.get(event.name);
  if (kind === 'pageScript' && event.args?.data?.url?.includes('/content-scripts/')) {
    return 'contentScript';
  }
  return kind;
}

/**
 * Sums the main thread's work from the start of the `measure` user-timing
 * entry until `untilMs` after it; the page's renderer is the process that
 * recorded the measure. Garbage collection also counts inside the work it
 * interrupted.
 */
export function breakDownTrace(
  events: readonly TraceEvent[],
  measure: string,
  untilMs: number,
): TraceBreakdown {
  const begin = events.find(
    (event) => event.name === measure && (event.ph === 'b' || event.ph === 'B'),
  );
  if (!begin) {
    throw new TraceReadError(
      `The trace holds no "${measure}" user-timing entry; record with blink.user_timing.`,
    );
  }
  const main = events.find(
    (event) =>
      event.pid === begin.pid &&
      event.name === 'thread_name' &&
      event.args?.name === 'CrRendererMain',
  );
  if (!main) throw new TraceReadError('The trace names no renderer main thread for the page.');
  const from = begin.ts;
  const to = from + untilMs * 1000;
  const slices = events
    .filter(
      (event) =>
        event.pid === begin.pid &&
        event.tid === main.tid &&
        event.ph === 'X' &&
        event.dur !== undefined &&
        event.ts >= from &&
        event.ts < to,
    )
    // Outer events first where two start together.
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const work = Object.fromEntries(
    [...new Set(KINDS.values()), 'contentScript'].map((kind) => [
      kind,
      { wallMs: 0, cpuMs: 0, count: 0, longestMs: 0 },
    ]),
  ) as Record<WorkKind, WorkFigures>;
  // Events of one kind nest (a paint inside a paint): only the outer one counts.
  const outerEnds = new Map<WorkKind, number>();
  for (const event of slices) {
    const kind = kindOf(event);
    if (!kind || event.ts < (outerEnds.get(kind) ?? 0)) continue;
    outerEnds.set(kind, event.ts + event.dur!);
    const figures = work[kind];
    const wallMs = event.dur! / 1000;
    figures.wallMs += wallMs;
    figures.cpuMs += (event.tdur ?? event.dur!) / 1000;
    figures.count++;
    figures.longestMs = Math.max(figures.longestMs, wallMs);
  }
  return { windowMs: untilMs, work };
}
