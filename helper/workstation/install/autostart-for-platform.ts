import type { Autostart } from './autostart';
import { type InstallContext, InstallError } from './install-context';
import { launchAgentAutostart } from './launch-agent-autostart';
import { runKeyAutostart } from './run-key-autostart';
import { systemdAutostart } from './systemd-autostart';

export function autostartFor(context: InstallContext): Autostart {
  switch (context.platform) {
    case 'linux':
      return systemdAutostart(context);
    case 'darwin':
      return launchAgentAutostart(context);
    case 'win32':
      return runKeyAutostart(context);
    default:
      throw new InstallError(
        `Autostart is set up on Windows, Linux and macOS only, not on ${context.platform}: ` +
          'start "courier-helper run" from the session start-up of this system instead.',
      );
  }
}
