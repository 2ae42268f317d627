/**
 * `warn`: the check passed, but a feature is unavailable with this configuration; the
 * line names it and the fix that enables it. Doctor still exits with success.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** One line of the doctor's report. */
export interface CheckResult {
  status: CheckStatus;
  /** What was checked: `AMI login`, `lookup.client runs`. */
  name: string;
  /** What was found. */
  detail: string;
  /** What to change; set for every failure and warning. */
  fix?: string;
}

export const ok = (name: string, detail: string): CheckResult => ({ status: 'ok', name, detail });

export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  status: 'fail',
  name,
  detail,
  fix,
});

export const warn = (name: string, detail: string, fix: string): CheckResult => ({
  status: 'warn',
  name,
  detail,
  fix,
});

export const skip = (name: string, detail: string): CheckResult => ({
  status: 'skip',
  name,
  detail,
});

/**
 * Where checks say they begin and end, so a slow one (a 5 s timeout) is seen waiting and
 * each result shows the moment it is known. Ending a result twice shows it once.
 */
export interface CheckProgress {
  start(name: string): void;
  end(result: CheckResult): CheckResult;
}

/** For callers that only want the results. */
export const NO_PROGRESS: CheckProgress = { start: () => undefined, end: (result) => result };
