import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import type { Environment } from '../../core/cli-io';
import { defaultConfigPath } from '../../config/paths';
import { execCommandRunner } from './command-runner';
import type { InstallContext } from './install-context';
import type { InstallSeams } from './install-seams';

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
