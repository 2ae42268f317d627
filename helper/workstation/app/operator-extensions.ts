import type { Logger } from 'pino';
import type { HelperConfig } from '../../config/types';
import type { MysqlDirectory } from '../../lookup/mysql-caller-lookup';
import { sleep } from '../../core/sleep';

const RETRY_MS = 10_000;

/**
 * The operator's extensions: from the configuration, or (`operator.user`)
 * from the cabinet's `users.extPhone`, retried until the database answers.
 */
export async function operatorExtensions(
  config: HelperConfig,
  directory: MysqlDirectory,
  logger: Logger,
  signal: AbortSignal,
): Promise<string[]> {
  if (config.operator.extensions.length > 0) return config.operator.extensions;
  for (;;) {
    try {
      return await directory.resolveOperatorExtensions(config.operator.user, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      logger.warn(
        { err: error, user: config.operator.user },
        'cannot read the operator extensions from the database yet; retrying',
      );
      await sleep(RETRY_MS, signal);
    }
  }
}
