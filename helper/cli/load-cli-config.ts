import { loadConfig } from '../config/load';
import type { LoadConfigResult } from '../config/load';
import type { CliIo } from '../core/cli-io';
import type { CommandLine } from './parse-command-line';

/** `--config` wins, then COURIER_CONFIG, then the per-user default location. */
export function loadCliConfig(line: CommandLine, io: CliIo): LoadConfigResult {
  const file = line.config ?? (io.env.COURIER_CONFIG || undefined);
  return loadConfig({ ...(file !== undefined ? { file } : {}), env: io.env });
}
