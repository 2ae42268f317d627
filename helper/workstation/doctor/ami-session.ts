import type { AmiFrame } from '../../ami/frame';
import type { CheckProgress, CheckResult } from './check-result';

/** The part of the AMI client the doctor uses; `AmiClient` is the real one. */
export interface DoctorAmiSession {
  start(): Promise<void>;
  action(
    name: string,
    fields?: Record<string, string>,
    options?: { timeoutMs?: number },
  ): Promise<unknown>;
  actionList(
    name: string,
    fields?: Record<string, string>,
    options?: { timeoutMs?: number },
  ): Promise<unknown>;
  /** Events the account receives, until the signal aborts. */
  on(
    event: 'event',
    listener: (frame: AmiFrame) => void,
    options: { signal: AbortSignal },
  ): () => void;
  close(): Promise<void>;
}

/**
 * Checks that need the doctor's logged-in AMI session (the event filter, the transfer
 * contexts): run after the privilege checks, reported as skipped under `names` when the
 * login fails.
 */
export interface AmiSessionCheck {
  /** Its check names, in the command-line language. */
  names(): readonly string[];
  run(session: DoctorAmiSession, progress?: CheckProgress): Promise<CheckResult[]>;
}
