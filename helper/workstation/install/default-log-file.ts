import { posix, win32 } from 'node:path';
import type { InstallContext } from './install-context';

/**
 * Where an installed helper logs: Windows `%LOCALAPPDATA%\CourierTelephony\Logs\helper.log`,
 * macOS `~/Library/Logs/CourierTelephony/helper.log`, elsewhere
 * `$XDG_STATE_HOME/courier-telephony/helper.log` (usually ~/.local/state/...).
 */
export function defaultLogFile(context: Pick<InstallContext, 'platform' | 'env' | 'home'>): string {
  const { platform, env, home } = context;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local');
    return win32.join(local, 'CourierTelephony', 'Logs', 'helper.log');
  }
  if (platform === 'darwin') {
    return posix.join(home, 'Library', 'Logs', 'CourierTelephony', 'helper.log');
  }
  const state = env.XDG_STATE_HOME || posix.join(home, '.local', 'state');
  return posix.join(state, 'courier-telephony', 'helper.log');
}
