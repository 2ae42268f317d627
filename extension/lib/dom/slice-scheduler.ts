/** Time left in the current slice, in milliseconds. */
export interface SliceDeadline {
  timeRemaining(): number;
}

export interface SliceScheduler {
  /**
   * Asks for one more slice; repeated requests before it runs coalesce. Asked
   * from inside a running slice, the next one follows as its own task at once.
   * `sliceMs` asks for a slice of that length instead of the usual one, for
   * work that costs more when split (the longest asked for wins).
   */
  request(sliceMs?: number): void;
}

export interface SliceSchedulerOptions {
  signal: AbortSignal;
  /** Upper bound of one slice, kept well under the 50 ms long-task line. */
  maxSliceMs?: number;
  /** Lower bound when the browser grants less idle time than useful. */
  minSliceMs?: number;
  /** How long new work may wait for idle time on a busy page. */
  idleTimeoutMs?: number;
  now?: () => number;
}

interface IdleApi {
  requestIdleCallback(
    callback: (deadline: SliceDeadline) => void,
    options: { timeout: number },
  ): number;
  cancelIdleCallback(handle: number): void;
}

function idleApi(): IdleApi | null {
  const scope = globalThis as Partial<IdleApi>;
  return typeof scope.requestIdleCallback === 'function' &&
    typeof scope.cancelIdleCallback === 'function'
    ? (scope as IdleApi)
    : null;
}

/**
 * A task right after the current one, without the 4 ms clamp nested timers
 * get. The channel's ports are private to this script, so a page cannot
 * post into it.
 */
function createTaskPoster(signal: AbortSignal): (task: () => void) => { cancel(): void } {
  if (typeof MessageChannel !== 'function') {
    return (task) => {
      const handle = setTimeout(task, 0);
      return { cancel: () => clearTimeout(handle) };
    };
  }
  const channel = new MessageChannel();
  let next: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const task = next;
    next = null;
    task?.();
  };
  signal.addEventListener(
    'abort',
    () => {
      next = null;
      channel.port1.close();
      channel.port2.close();
    },
    { once: true },
  );
  return (task) => {
    next = task;
    channel.port2.postMessage(null);
    return {
      cancel: () => {
        if (next === task) next = null;
      },
    };
  };
}

/**
 * Runs work in short slices, each its own task so input and rendering get
 * in between. New work waits for an idle period (or a timer where idle
 * callbacks do not exist); once started, slices follow one another as
 * separate tasks until the work is done, because chained idle callbacks get
 * one idle period each and would stretch a large page over seconds.
 */
export function createSliceScheduler(
  run: (deadline: SliceDeadline) => void,
  options: SliceSchedulerOptions,
): SliceScheduler {
  const { signal, maxSliceMs = 12, minSliceMs = 6, idleTimeoutMs = 150 } = options;
  const now = options.now ?? (() => performance.now());
  const idle = idleApi();
  const postTask = createTaskPoster(signal);
  let pending: { cancel(): void } | null = null;
  let asked: number | undefined;
  let running = false;

  const runSlice = (granted: number): void => {
    pending = null;
    const length = asked ?? Math.min(maxSliceMs, Math.max(minSliceMs, granted));
    asked = undefined;
    if (signal.aborted) return;
    const end = now() + length;
    running = true;
    try {
      run({ timeRemaining: () => Math.max(0, end - now()) });
    } finally {
      running = false;
    }
  };

  signal.addEventListener('abort', () => pending?.cancel(), { once: true });

  return {
    request(sliceMs?: number): void {
      if (signal.aborted) return;
      if (sliceMs !== undefined) asked = Math.max(asked ?? 0, sliceMs);
      if (pending) return;
      if (running) {
        pending = postTask(() => runSlice(maxSliceMs));
      } else if (idle) {
        const handle = idle.requestIdleCallback((deadline) => runSlice(deadline.timeRemaining()), {
          timeout: idleTimeoutMs,
        });
        pending = { cancel: () => idle.cancelIdleCallback(handle) };
      } else {
        const handle = setTimeout(() => runSlice(maxSliceMs), 0);
        pending = { cancel: () => clearTimeout(handle) };
      }
    },
  };
}
