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
import { copyOfficeConfig, isOfficeConfig } from './office-config';
import { packagedExecutable } from './packaged-executable';
import { installServe, uninstallServe } from './serve-install';
import { stopRunningHelper } from './stop-running-helper';
import { tr } from '../../core/cli-text';
import './russian';

/** `--serve`: the PBX-side service as a system service instead of the workstation helper. */
export interface InstallTarget {
  readonly serve?: boolean;
}

function serveConfigFile(config: string | undefined): string {
  if (config === undefined) {
    throw new InstallError(
      "install --serve needs the service's configuration: add --config, e.g. " +
        '--config /etc/courier-telephony/serve.toml',
    );
  }
  return config;
}

/**
 * `install`: copies the office's configuration given with `--config` (an existing file, e.g.
 * on a file share) or else the example configuration (when there is none yet) where the
 * helper looks for it, and registers the helper to start with the user's session. A configuration that
 * was only just created holds example values, so the helper is then registered but not
 * started, and the report says how to start it.
 */
export function installCommand(
  config: string | undefined,
  io: CliIo,
  seams: InstallSeams = {},
  target: InstallTarget = {},
): Promise<number> {
  return reportSteps('install', io, async () => {
    const context = resolveInstallContext(io.env, seams);
    const executable = seams.executable ?? packagedExecutable();
    if (executable === undefined) {
      throw new InstallError(
        tr`install registers the single-file executable, and this is the source tree: build it with "npm run package:helper" and run "dist/helper/courier-helper-<platform> install".`,
      );
    }
    if (target.serve === true) {
      return installServe({
        configFile: installedConfigFile(context, serveConfigFile(config)),
        executable,
        platform: context.platform,
        env: io.env,
        run: context.run,
        exampleConfig: seams.exampleConfig ?? exampleConfigText(),
        ...(seams.systemUnitDir !== undefined ? { unitDir: seams.systemUnitDir } : {}),
      });
    }
    const autostart = autostartFor(context);
    const seatFile = installedConfigFile(context, undefined);
    const explicit = config === undefined ? undefined : installedConfigFile(context, config);
    // An existing file elsewhere is the office's configuration: the seat gets its own copy.
    const office = isOfficeConfig(explicit, seatFile);
    const configFile = office ? seatFile : (explicit ?? seatFile);
    const copied = office ? copyOfficeConfig(explicit, seatFile, io.env) : [];
    const example = exampleWithLogFile(
      seams.exampleConfig ?? exampleConfigText(),
      defaultLogFile(context),
    );
    const created = !office && ensureConfigFile(configFile, example);
    const background = context.platform === 'win32' ? ['--background'] : [];
    const lines = await autostart.install({
      command: [executable, 'run', ...background, '--config', configFile],
      startNow: !created,
    });
    lines.push(
      ...copied,
      created
        ? tr`Wrote an example configuration to ${configFile}: set the PBX, the database and the extensions there, then check it with: "${executable}" doctor --config "${configFile}"`
        : office
          ? tr`Check this seat with: "${executable}" doctor --config "${configFile}"`
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
  target: InstallTarget = {},
): Promise<number> {
  return reportSteps('uninstall', io, async () => {
    const context = resolveInstallContext(io.env, seams);
    if (target.serve === true) {
      return uninstallServe({
        platform: context.platform,
        run: context.run,
        ...(seams.systemUnitDir !== undefined ? { unitDir: seams.systemUnitDir } : {}),
      });
    }
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
