import { splitExtensions } from './extensions';
import type { QueryExecutor } from './types';

/** The cabinet user named in `operator.user` has no usable extension. */
export class OperatorExtensionsError extends Error {
  override readonly name = 'OperatorExtensionsError';

  constructor(
    readonly user: string,
    readonly found: 'no-user' | 'no-extensions',
  ) {
    super(
      found === 'no-user'
        ? `The cabinet has no user "${user}": correct operator.user in the helper configuration, ` +
            'or set operator.extensions instead.'
        : `The cabinet user "${user}" has no extension in users.extPhone: fill it in the user card ` +
            '(comma-separated, e.g. 101,102), or set operator.extensions in the helper configuration.',
    );
  }
}

/**
 * The operator's extensions from `users.extPhone` (`operator.user` mode), in the
 * order written: the first is the one click-to-call rings.
 */
export async function resolveOperatorExtensions(
  executor: QueryExecutor,
  sql: string,
  user: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const rows = await executor.query(sql, [user], signal);
  if (rows.length === 0) throw new OperatorExtensionsError(user, 'no-user');
  const extensions = splitExtensions(rows.flatMap((row) => String(row.extensions ?? '')).join(','));
  if (extensions.length === 0) throw new OperatorExtensionsError(user, 'no-extensions');
  return extensions;
}
