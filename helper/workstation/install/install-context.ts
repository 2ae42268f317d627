import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import type { Environment } from '../../core/cli-io';
import type { ProcessAlive } from '../../core/pid-lock';
import { defaultConfigPath } from '../../config/paths';
import { type CommandRunner, execCommandRunner } from './command-runner';
import type { KillProcess } from './stop-running-helper';

/** What install and uninstall read from the machine, injectable as a whole in tests. */
export interface InstallContext {
  platform: NodeJS.Platform;
  env: Environment;
  home: string;
  /** The user's numeric id (macOS `launchctl` domains are per user). */
  uid: number;
  run: CommandRunner;
}

/** Everything install and uninstall take from the machine; the real one when left out. */
export interface InstallSeams {
  platform?: NodeJS.Platform;
  home?: string;
  uid?: number;
  run?: CommandRunner;
  /** The executable the session starts; the running single-file executable by default. */
  executable?: string;
  /** The example configuration text; the one bundled with the helper by default. */
  exampleConfig?: string;
  /** Where `install --serve` writes its system unit; /etc/systemd/system by default. */
  systemUnitDir?: string;
  alive?: ProcessAlive;
  kill?: KillProcess;
}

/** Registering or removing the autostart failed; the message says what to do instead. */
export class InstallError extends Error {
  override readonly name = 'InstallError';
}

/** A refused file operation (EACCES, EROFS, ENOSPC…): its message names the path. */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

export function resolveInstallContext(env: Environment, seams: InstallSeams): InstallContext {
  return {
    platform: seams.platform ?? process.platform,
    env,
    home: seams.home ?? homedir(),
    uid: seams.uid ?? process.getuid?.() ?? 0,
    run: seams.run ?? execCommandRunner,
  };
}

/**
 * The configuration the installed helper is started with: `--config`, else COURIER_CONFIG,
 * else the per-user default; made absolute, because the session starts it elsewhere.
 */
export function installedConfigFile(context: InstallContext, explicit: string | undefined): string {
  const file =
    explicit ??
    (context.env.COURIER_CONFIG ||
      defaultConfigPath({ platform: context.platform, env: context.env, home: context.home }));
  const path = context.platform === 'win32' ? win32 : posix;
  return path.isAbsolute(file) ? file : path.resolve(file);
}
