import type { ConfigProblem } from './types';
import { tr } from '../core/cli-text';
import './russian';

/** The configuration cannot be used as it is; `problems` lists every reason. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly problems: readonly ConfigProblem[],
    readonly file: string | null,
  ) {
    super(
      `${file ? tr`The helper configuration (${file}) has ${problems.length} problem(s); change these and start again:` : tr`The helper configuration has ${problems.length} problem(s); change these and start again:`}\n${formatProblems(problems)}`,
    );
  }
}

/** One problem per line: `database.port: must be ... -> set database.port to ...`. */
export function formatProblem(problem: ConfigProblem): string {
  return tr`${problem.key}: ${problem.message}. Fix: ${problem.fix}`;
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n');
}
