import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import type { Environment } from '../core/cli-io';

export const CONFIG_FILE_NAME = 'helper.toml';

export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: Environment;
  home: string;
}

/**
 * Where the helper looks for its configuration when no `--config` is given:
 * Windows `%APPDATA%\CourierTelephony\helper.toml`, macOS
 * `~/Library/Application Support/CourierTelephony/helper.toml`, elsewhere
 * `$XDG_CONFIG_HOME/courier-telephony/helper.toml`.
 */
export function defaultConfigPath({
  platform = process.platform,
  env = process.env,
  home = homedir(),
}: Partial<PlatformInfo> = {}): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, 'CourierTelephony', CONFIG_FILE_NAME);
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Application Support', 'CourierTelephony', CONFIG_FILE_NAME);
  }
  const base = env.XDG_CONFIG_HOME || posix.join(home, '.config');
  return posix.join(base, 'courier-telephony', CONFIG_FILE_NAME);
}

/** State (pairing tokens) lives in the folder of the configuration file. */
export function stateDirFor(
  configFile: string,
  platform: NodeJS.Platform = process.platform,
): string {
  return platform === 'win32' ? win32.dirname(configFile) : posix.dirname(configFile);
}
