import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { loadConfig } from '../../config/load';
import type { Environment } from '../../core/cli-io';
import { type CommandRunner, firstLine } from './command-runner';
import { ensureConfigFile } from './ensure-config-file';
import { InstallError } from './install-context';
import { renderServeUnit, SERVE_UNIT_NAME } from './serve-unit';

/*
 * `install --serve` and `uninstall --serve`: the PBX-side service as a system service on
 * the server near the PBX (root's job, unlike the workstation helper's per-user autostart).
 */

export const SYSTEM_UNIT_DIR = '/etc/systemd/system';

export interface ServeInstallOptions {
  /** Absolute path of the service's configuration. */
  readonly configFile: string;
  /** The single-file executable systemd starts. */
  readonly executable: string;
  readonly platform: NodeJS.Platform;
  readonly env: Environment;
  readonly run: CommandRunner;
  /** Written when the configuration does not exist yet. */
  readonly exampleConfig: string;
  readonly unitDir?: string;
}

/** Folders ProtectHome hides from a system service: its files cannot live there. */
const HIDDEN_FROM_SERVICES = ['/home/', '/root/', '/run/user/'];

function requireLinux(platform: NodeJS.Platform): void {
  if (platform !== 'linux') {
    throw new InstallError(
      `install --serve sets up a systemd service on a Linux server, not on ${platform}: ` +
        'run the PBX-side service ("courier-helper serve") under that system\'s own supervisor.',
    );
  }
}

/** The account the service runs as: the owner of its configuration, never root. */
function serviceAccount(configFile: string, created: boolean): { uid: number; gid: number } {
  const { uid, gid } = statSync(configFile);
  if (uid !== 0) return { uid, gid };
  const folder = dirname(configFile);
  throw new InstallError(
    `${created ? `Wrote an example configuration to ${configFile}, owned by root. ` : ''}` +
      `The service runs as the owner of ${configFile}, and it must not be root: create an ` +
      'account for it and give it the folder, e.g. "useradd --system --no-create-home ' +
      `--shell /usr/sbin/nologin courier-telephony && chown -R courier-telephony: ${folder}", ` +
      'then run install --serve again.',
  );
}

/** What the service writes: its state folder (lock, spool), a spool elsewhere, its log's folder. */
function writableFolders(options: ServeInstallOptions): string[] {
  const loaded = loadConfig({ file: options.configFile, env: options.env });
  const config = loaded.ok ? loaded.config : loaded.partial;
  const folders = new Set<string>([dirname(options.configFile)]);
  if (config !== undefined) {
    folders.add(config.paths.stateDir);
    if (config.server.journalSpoolDir !== '') folders.add(config.server.journalSpoolDir);
    if (config.log.file !== '') folders.add(dirname(config.log.file));
  }
  const list = [...folders].map((folder) => posix.resolve(folder));
  const hidden = list.find((folder) =>
    HIDDEN_FROM_SERVICES.some((prefix) => `${folder}/`.startsWith(prefix)),
  );
  if (hidden !== undefined) {
    throw new InstallError(
      `The service would write in ${hidden}, which a hardened system service cannot see: keep ` +
        'its configuration, spool and log in /etc/courier-telephony or /var/lib/courier-telephony.',
    );
  }
  return list;
}

/**
 * Writes the service's unit (and the example configuration when there is none), then
 * enables it, and starts it when the configuration was already there.
 */
export async function installServe(options: ServeInstallOptions): Promise<string[]> {
  requireLinux(options.platform);
  const created = ensureConfigFile(options.configFile, options.exampleConfig);
  const account = serviceAccount(options.configFile, created);
  const unitDir = options.unitDir ?? SYSTEM_UNIT_DIR;
  const unitFile = posix.join(unitDir, SERVE_UNIT_NAME);
  writeFileSync(
    unitFile,
    renderServeUnit({
      command: [options.executable, 'serve', '--config', options.configFile],
      ...account,
      writable: writableFolders(options),
    }),
    { mode: 0o644 },
  );
  const lines = [`Wrote the systemd service ${unitFile} (runs as uid ${account.uid}).`];
  const systemctl = (...args: string[]) => options.run('systemctl', args);
  const reload = await systemctl('daemon-reload');
  if (reload.code !== 0) {
    throw new InstallError(
      `systemctl daemon-reload failed (${firstLine(reload)}): run install --serve as root on ` +
        `a server that runs systemd, or check the unit with: systemd-analyze verify ${unitFile}`,
    );
  }
  const enable = await systemctl('enable', ...(created ? [] : ['--now']), SERVE_UNIT_NAME);
  if (enable.code !== 0) {
    throw new InstallError(
      `systemctl enable ${SERVE_UNIT_NAME} failed: ${firstLine(enable)}. ` +
        `Check the unit with: systemd-analyze verify ${unitFile}`,
    );
  }
  lines.push(
    created
      ? `Wrote an example configuration to ${options.configFile}: fill in [database], [journal] ` +
          `and [server], check it with "${options.executable}" doctor --config "${options.configFile}", ` +
          `then: systemctl start ${SERVE_UNIT_NAME}`
      : `Enabled and started ${SERVE_UNIT_NAME}; it starts at boot and restarts after a failure. ` +
          `Status: systemctl status ${SERVE_UNIT_NAME}; log: journalctl -u ${SERVE_UNIT_NAME}`,
  );
  return lines;
}

/** Stops and removes the service; the configuration, spool and log stay. */
export async function uninstallServe(
  options: Pick<ServeInstallOptions, 'platform' | 'run' | 'unitDir'>,
): Promise<string[]> {
  requireLinux(options.platform);
  const unitFile = posix.join(options.unitDir ?? SYSTEM_UNIT_DIR, SERVE_UNIT_NAME);
  const lines: string[] = [];
  const disable = await options.run('systemctl', ['disable', '--now', SERVE_UNIT_NAME]);
  if (disable.code === 0) lines.push(`Stopped and disabled ${SERVE_UNIT_NAME}.`);
  rmSync(unitFile, { force: true });
  lines.push(`Removed ${unitFile}.`);
  await options.run('systemctl', ['daemon-reload']);
  return lines;
}
