import type { CliIo } from '../../core/cli-io';
import { EXIT } from '../../core/cli-io';
import { autostartFor } from './autostart-for-platform';
import { defaultLogFile } from './default-log-file';
import { ensureConfigFile } from './ensure-config-file';
import { exampleConfigText, exampleWithLogFile } from './example-config';
import { InstallError, isFileSystemError } from './install-error';
import type { InstallSeams } from './install-seams';
import { packagedExecutable } from './packaged-executable';
import { installedConfigFile, resolveInstallContext } from './resolve-install-context';

/**
 * `install`: copies the example configuration where the helper looks for it (when there is
 * none yet) and registers the helper to start with the user's session. A configuration that
 * was only just created holds example values, so the helper is then registered but not
 * started, and the report says how to start it.
 */
export async function installCommand(
  config: string | undefined,
  io: CliIo,
  seams: InstallSeams = {},
): Promise<number> {
  try {
    const context = resolveInstallContext(io.env, seams);
    const executable = seams.executable ?? packagedExecutable();
    if (executable === undefined) {
      throw new InstallError(
        'install registers the single-file executable, and this is the source tree: build it ' +
          'with "npm run package:helper" and run "dist/helper/courier-helper-<platform> install".',
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
        ? `Wrote an example configuration to ${configFile}: set the PBX, the database and the ` +
            `extensions there, then check it with: "${executable}" doctor --config "${configFile}"`
        : `Configuration: ${configFile} (kept as it was).`,
    );
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InstallError) && !isFileSystemError(error)) throw error;
    io.stderr.write(`Cannot install: ${error.message}\n`);
    return EXIT.failed;
  }
}
