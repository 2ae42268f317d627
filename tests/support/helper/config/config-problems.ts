import { validateConfig } from '../../../../helper/config/validate';
import type { ConfigProblem } from '../../../../helper/config/types';

/** The smallest real-mode configuration file, for tests that add one section to it. */
export const BASE_TOML = `
[pbx]
host = "pbx.office.lan"
user = "courier-101"
secret = "file-ami-secret"
[operator]
extensions = "101"
[database]
host = "db.office.lan"
user = "courier_ro"
password = "file-db-password"
`;

/** The same minimal configuration as already-parsed values. */
export const minimalConfig = (): Record<string, unknown> => ({
  pbx: { host: 'pbx.office.lan', user: 'courier-101', secret: 's3cret-ami' },
  operator: { extensions: '101' },
  database: { host: 'db.office.lan', user: 'courier_ro', password: 'db-pass' },
});

/** Validates the minimal configuration plus `extra`, expecting it to be refused. */
export function problemsOf(
  extra: Record<string, unknown>,
  fromEnv = new Map<string, string>(),
): ConfigProblem[] {
  const result = validateConfig({ ...minimalConfig(), ...extra }, fromEnv);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

export function problemAt(problems: readonly ConfigProblem[], key: string): ConfigProblem {
  const problem = problems.find((p) => p.key === key);
  if (!problem) throw new Error(`no problem for ${key}: ${JSON.stringify(problems)}`);
  return problem;
}
