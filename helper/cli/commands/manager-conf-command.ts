import {
  AccountNameError,
  PermitAddressError,
  renderManagerConf,
} from '../../workstation/manager-conf/render-manager-conf';
import type { CliIo } from '../../core/cli-io';
import { EXIT } from '../../core/cli-io';
import { loadCliConfig } from '../load-cli-config';
import type { CommandLine } from '../parse-command-line';
import { tr } from '../../core/cli-text';

/**
 * `manager-conf`: prints the AMI account for this operator. The configuration
 * only supplies defaults (account name, extensions), so a configuration that is
 * still incomplete does not stop it.
 */
export function managerConfCommand(line: CommandLine, io: CliIo): number {
  const loaded = loadCliConfig(line, io);
  const config = loaded.ok ? loaded.config : loaded.partial;
  if (!loaded.ok) {
    io.stderr.write(
      `${tr`Note: the configuration has problems (run "doctor"); printing the account anyway.`}\n`,
    );
  }
  const extensions = config?.operator.extensions ?? [];
  const user =
    line.user ??
    (config?.pbx.user ||
      (extensions[0] !== undefined ? `courier-${extensions[0]}` : 'courier-helper'));
  try {
    io.stdout.write(
      renderManagerConf({
        user,
        extensions,
        ...(line.permit !== undefined ? { permit: line.permit } : {}),
        filters: line.legacyFilters ? 'legacy' : 'advanced',
      }),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PermitAddressError || error instanceof AccountNameError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
