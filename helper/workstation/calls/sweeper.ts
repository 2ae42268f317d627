import type { CallUpdate } from './types';

export const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs `tracker.sweep()` every `intervalMs` until the signal aborts, handing what it ended
 * to `publish`. The timer does not keep the process alive on its own.
 */
export function startCallSweeper(
  tracker: { sweep(): CallUpdate[] },
  publish: (updates: CallUpdate[]) => void,
  signal: AbortSignal,
  intervalMs: number = DEFAULT_SWEEP_INTERVAL_MS,
): void {
  if (signal.aborted) return;
  const timer = setInterval(() => {
    const updates = tracker.sweep();
    if (updates.length > 0) publish(updates);
  }, intervalMs);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
