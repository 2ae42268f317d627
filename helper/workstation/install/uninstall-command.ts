import type { CliIo } from '../../core/cli-io';
import { EXIT } from '../../core/cli-io';
import { stateDirFor } from '../../config/paths';
import { autostartFor } from './autostart-for-platform';
import { InstallError, isFileSystemError } from './install-error';
import type { InstallSeams } from './install-seams';
import { installedConfigFile, resolveInstallContext } from './resolve-install-context';
import { stopRunningHelper } from './stop-running-helper';

/**
 * `uninstall`: removes the autostart registration and stops the helper of that
 * configuration. The configuration, the pairing state and the logs stay.
 */
export async function uninstallCommand(
  config: string | undefined,
  io: CliIo,
  seams: InstallSeams = {},
): Promise<number> {
  try {
    const context = resolveInstallContext(io.env, seams);
    const lines = await autostartFor(context).uninstall();
    const configFile = installedConfigFile(context, config);
    lines.push(
      ...stopRunningHelper(stateDirFor(configFile, context.platform), seams.alive, seams.kill),
      `Kept the configuration ${configFile}; delete it yourself if it is no longer needed.`,
    );
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InstallError) && !isFileSystemError(error)) throw error;
    io.stderr.write(`Cannot uninstall: ${error.message}\n`);
    return EXIT.failed;
  }
}
