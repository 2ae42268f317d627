import { AmiConfigError } from './errors';

/** The longest wait between reconnect attempts this client allows. */
export const MAX_RECONNECT_DELAY_MS = 10_000;

export type ReconnectJitter = 'full' | 'decorrelated' | 'none';

export interface ReconnectPolicy {
  /** Upper bound of the first wait; under 1 s so a blip heals quickly. */
  readonly initialDelayMs: number;
  /** Cap of every wait, at most {@link MAX_RECONNECT_DELAY_MS}. */
  readonly maxDelayMs: number;
  /**
   * `full`: uniform in [0, min(cap, initial·2^attempt)];
   * `decorrelated`: uniform in [initial, min(cap, 3·previous)];
   * `none`: min(cap, initial·2^attempt) exactly (for tests and diagnostics).
   */
  readonly jitter: ReconnectJitter;
}

/**
 * Waits stay under 1.5 s however long the PBX is away, so the helper is back within 2 s of
 * the PBX's return (the fault soak measures it). A refused connect costs the PBX next to
 * nothing, and full jitter still spreads a whole office's logins over that window.
 */
export const DEFAULT_RECONNECT_POLICY: ReconnectPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 1_500,
  jitter: 'full',
};

/** Where the backoff stands: the number of failed attempts so far and the last wait. */
export interface ReconnectState {
  readonly attempt: number;
  readonly previousDelayMs: number;
}

export const INITIAL_RECONNECT_STATE: ReconnectState = { attempt: 0, previousDelayMs: 0 };

/**
 * The next wait and the state after it. Pure: the random source is passed in, so the same
 * inputs give the same delay. Many helpers on many workstations lose the PBX at the same
 * moment; jitter spreads their reconnects instead of hitting the PBX all at once.
 */
export function nextReconnectDelay(
  state: ReconnectState,
  policy: ReconnectPolicy,
  random: () => number,
): { delayMs: number; state: ReconnectState } {
  const { initialDelayMs, maxDelayMs, jitter } = policy;
  // 2^attempt past 2^20 only overflows toward Infinity; the cap has long been reached.
  const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(state.attempt, 20));
  let delayMs: number;
  if (jitter === 'none') {
    delayMs = ceiling;
  } else if (jitter === 'full') {
    delayMs = unit(random) * ceiling;
  } else {
    const upper = Math.min(maxDelayMs, Math.max(initialDelayMs, state.previousDelayMs * 3));
    delayMs = initialDelayMs + unit(random) * (upper - initialDelayMs);
  }
  delayMs = Math.min(maxDelayMs, Math.max(0, Math.floor(delayMs)));
  return { delayMs, state: { attempt: state.attempt + 1, previousDelayMs: delayMs } };
}

/** Checks a policy; throws {@link AmiConfigError} saying which bound is broken. */
export function validateReconnectPolicy(policy: ReconnectPolicy): ReconnectPolicy {
  const { initialDelayMs, maxDelayMs, jitter } = policy;
  if (!Number.isFinite(initialDelayMs) || initialDelayMs <= 0 || initialDelayMs >= 1000) {
    throw new AmiConfigError(
      'reconnect.initialDelayMs',
      'must be above 0 and under 1000 ms so the first retry comes within a second',
    );
  }
  if (
    !Number.isFinite(maxDelayMs) ||
    maxDelayMs < initialDelayMs ||
    maxDelayMs > MAX_RECONNECT_DELAY_MS
  ) {
    throw new AmiConfigError(
      'reconnect.maxDelayMs',
      `must be between reconnect.initialDelayMs and ${MAX_RECONNECT_DELAY_MS} ms`,
    );
  }
  if (jitter !== 'full' && jitter !== 'decorrelated' && jitter !== 'none') {
    throw new AmiConfigError('reconnect.jitter', 'must be "full", "decorrelated" or "none"');
  }
  return policy;
}

function unit(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}
