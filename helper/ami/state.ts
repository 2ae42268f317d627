/**
 * Connection states of the AMI client:
 *
 *   idle → connecting → authenticating → ready
 *   connecting | authenticating | ready → reconnecting → connecting …
 *   authenticating → auth-failed            (wrong account: no automatic retry)
 *   auth-failed → connecting                (only by an explicit start())
 *   any state → closed                      (final)
 */
export type AmiState =
  'idle' | 'connecting' | 'authenticating' | 'ready' | 'reconnecting' | 'auth-failed' | 'closed';

const TRANSITIONS: Readonly<Record<AmiState, readonly AmiState[]>> = {
  idle: ['connecting', 'closed'],
  connecting: ['authenticating', 'reconnecting', 'closed'],
  authenticating: ['ready', 'auth-failed', 'reconnecting', 'closed'],
  ready: ['reconnecting', 'closed'],
  reconnecting: ['connecting', 'closed'],
  'auth-failed': ['connecting', 'closed'],
  closed: [],
};

export function canTransition(from: AmiState, to: AmiState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Thrown on a transition the state machine does not allow: a defect in the client. */
export class AmiStateError extends Error {
  override readonly name = 'AmiStateError';
  constructor(
    readonly from: AmiState,
    readonly to: AmiState,
  ) {
    super(`AMI client cannot go from "${from}" to "${to}"; this is a defect in the client.`);
  }
}

export function assertTransition(from: AmiState, to: AmiState): void {
  if (!canTransition(from, to)) throw new AmiStateError(from, to);
}

/** What `state` listeners receive. */
export interface AmiStateChange {
  readonly from: AmiState;
  readonly to: AmiState;
  /** Why the connection was lost or refused, when it was. */
  readonly error?: Error;
  /** For `reconnecting`: the wait before the next attempt and its number (from 1). */
  readonly delayMs?: number;
  readonly attempt?: number;
}
