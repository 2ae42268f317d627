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
  close(): Promise<void>;
}

/**
 * Checks of other sections that need the doctor's logged-in AMI session (the transfer
 * contexts): run after the privilege checks, reported as skipped under `names` when the
 * login fails.
 */
export interface AmiSessionCheck {
  /** Its check names, in the command-line language. */
  names(): readonly string[];
  run(session: DoctorAmiSession, progress?: CheckProgress): Promise<CheckResult[]>;
}
