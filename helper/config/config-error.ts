import { formatProblems } from './format-problems';
import type { ConfigProblem } from './types';

/** The configuration cannot be used as it is; `problems` lists every reason. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly problems: readonly ConfigProblem[],
    readonly file: string | null,
  ) {
    super(
      `The helper configuration${file ? ` (${file})` : ''} has ${problems.length} problem(s); ` +
        `change these and start again:\n${formatProblems(problems)}`,
    );
  }
}
