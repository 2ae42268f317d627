import type { Autostart } from './autostart';
import { type InstallContext, InstallError } from './install-context';
import { launchAgentAutostart } from './launch-agent-autostart';
import { runKeyAutostart } from './run-key-autostart';
import { systemdAutostart } from './systemd-autostart';
import { programName } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import './russian';

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
        tr`Autostart is set up on Windows, Linux and macOS only, not on ${context.platform}: start "${programName()} run" from the session start-up of this system instead.`,
      );
  }
}
