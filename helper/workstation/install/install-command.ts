import { type CliIo, EXIT } from '../../core/cli-io';
import { stateDirFor } from '../../config/paths';
import { autostartFor } from './autostart-for-platform';
import { defaultLogFile } from './default-log-file';
import { ensureConfigFile } from './ensure-config-file';
import { exampleConfigText, exampleWithLogFile } from './example-config';
import {
  InstallError,
  isFileSystemError,
  type InstallSeams,
  installedConfigFile,
  resolveInstallContext,
} from './install-context';
import { packagedExecutable } from './packaged-executable';
import { stopRunningHelper } from './stop-running-helper';
import { tr } from '../../core/cli-text';
import './russian';

/**
 * `install`: copies the example configuration where the helper looks for it (when there is
 * none yet) and registers the helper to start with the user's session. A configuration that
 * was only just created holds example values, so the helper is then registered but not
 * started, and the report says how to start it.
 */
export function installCommand(
  config: string | undefined,
  io: CliIo,
  seams: InstallSeams = {},
): Promise<number> {
  return reportSteps('install', io, async () => {
    const context = resolveInstallContext(io.env, seams);
    const executable = seams.executable ?? packagedExecutable();
    if (executable === undefined) {
      throw new InstallError(
        tr`install registers the single-file executable, and this is the source tree: build it with "npm run package:helper" and run "dist/helper/courier-helper-<platform> install".`,
      );
    }
    const autostart = autostartFor(context);
    const configFile = installedConfigFile(context, config);
    const example = exampleWithLogFile(
      seams.exampleConfig ?? exampleConfigText(),
      defaultLogFile(context),
    );
    const created = ensureConfigFile(configFile, example);
    const background = context.platform === 'win32' ? ['--background'] : [];
    const lines = await autostart.install({
      command: [executable, 'run', ...background, '--config', configFile],
      startNow: !created,
    });
    lines.push(
      created
        ? tr`Wrote an example configuration to ${configFile}: set the PBX, the database and the extensions there, then check it with: "${executable}" doctor --config "${configFile}"`
        : tr`Configuration: ${configFile} (kept as it was).`,
    );
    return lines;
  });
}

/**
 * `uninstall`: removes the autostart registration and stops the helper of that
 * configuration. The configuration, the pairing state and the logs stay.
 */
export function uninstallCommand(
  config: string | undefined,
  io: CliIo,
  seams: InstallSeams = {},
): Promise<number> {
  return reportSteps('uninstall', io, async () => {
    const context = resolveInstallContext(io.env, seams);
    const lines = await autostartFor(context).uninstall();
    const configFile = installedConfigFile(context, config);
    lines.push(
      ...stopRunningHelper(stateDirFor(configFile, context.platform), seams.alive, seams.kill),
      tr`Kept the configuration ${configFile}; delete it yourself if it is no longer needed.`,
    );
    return lines;
  });
}

/** Prints what the steps did, or why they could not: what to do instead, or the refused path. */
async function reportSteps(
  verb: 'install' | 'uninstall',
  io: CliIo,
  steps: () => Promise<string[]>,
): Promise<number> {
  try {
    const lines = await steps();
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InstallError) && !isFileSystemError(error)) throw error;
    const cannot = verb === 'install' ? tr`Cannot install:` : tr`Cannot uninstall:`;
    io.stderr.write(`${cannot} ${error.message}\n`);
    return EXIT.failed;
  }
}
