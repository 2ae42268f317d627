import type { ConfigProblem } from './types';

/** One problem per line: `database.port: must be ... -> set database.port to ...`. */
export function formatProblem(problem: ConfigProblem): string {
  return `${problem.key}: ${problem.message}. Fix: ${problem.fix}`;
}

export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n');
}
