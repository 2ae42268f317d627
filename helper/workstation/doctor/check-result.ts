export type CheckStatus = 'ok' | 'fail' | 'skip';

/** One line of the doctor's report. */
export interface CheckResult {
  status: CheckStatus;
  /** What was checked: `AMI login`, `lookup.client runs`. */
  name: string;
  /** What was found. */
  detail: string;
  /** What to change; set for every failure. */
  fix?: string;
}

export const ok = (name: string, detail: string): CheckResult => ({ status: 'ok', name, detail });

export const fail = (name: string, detail: string, fix: string): CheckResult => ({
  status: 'fail',
  name,
  detail,
  fix,
});

export const skip = (name: string, detail: string): CheckResult => ({
  status: 'skip',
  name,
  detail,
});
