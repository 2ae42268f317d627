/** The database did not answer a call-time lookup before its deadline. */
export class LookupDeadlineError extends Error {
  override readonly name = 'LookupDeadlineError';
  constructor(
    readonly timeoutMs: number,
    readonly setting: string,
  ) {
    super(
      `The database did not answer within ${timeoutMs} ms and the call went on without it: ` +
        `check the database load, or raise ${setting}.`,
    );
  }
}

/**
 * Runs `work` with a signal that aborts after `timeoutMs` (or when `signal` aborts), and
 * settles by then whether or not `work` listens to its signal. `setting` names the option
 * that sets the deadline, for the error message.
 */
export async function withDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  signal: AbortSignal,
  setting: string,
): Promise<T> {
  const deadline = new AbortController();
  const onAbort = (): void => deadline.abort(signal.reason);
  const timer = setTimeout(
    () => deadline.abort(new LookupDeadlineError(timeoutMs, setting)),
    timeoutMs,
  );
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  let stop: (() => void) | undefined;
  const expired = new Promise<never>((_, reject) => {
    stop = () => reject(deadline.signal.reason);
    if (deadline.signal.aborted) stop();
    else deadline.signal.addEventListener('abort', stop, { once: true });
  });
  try {
    return await Promise.race([work(deadline.signal), expired]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    if (stop !== undefined) deadline.signal.removeEventListener('abort', stop);
  }
}
