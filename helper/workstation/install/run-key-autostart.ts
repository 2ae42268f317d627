import type { Autostart, AutostartEntry } from './autostart';
import { firstLine } from './command-runner';
import { type InstallContext, InstallError } from './install-context';
import { windowsCommandLine } from './windows-command-line';
import { tr } from '../../core/cli-text';
import './russian';

export const RUN_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';
export const RUN_VALUE_NAME = 'CourierHelper';

/**
 * Windows: a value under the user's Run key, chosen over a logon scheduled task because a
 * standard user may write it without an elevated prompt (`schtasks /Create /SC ONLOGON`
 * needs one), group policies leave it alone more often, and it shows in Task Manager's
 * Startup tab where a user or IT can see and switch it off. What a task would add is a
 * restart after a crash; the Run key starts the helper again at the next logon. The command
 * carries `--background`, so the console window the session opens for it closes at once.
 */
export function runKeyAutostart(context: InstallContext): Autostart {
  const location = `${RUN_KEY}\\${RUN_VALUE_NAME}`;
  const reg = (...args: string[]) => context.run('reg', args);

  return {
    location,
    async install(entry: AutostartEntry) {
      const value = windowsCommandLine(entry.command);
      const added = await reg(
        'add',
        RUN_KEY,
        '/v',
        RUN_VALUE_NAME,
        '/t',
        'REG_SZ',
        '/d',
        value,
        '/f',
      );
      if (added.code !== 0) {
        throw new InstallError(
          tr`reg add ${location} failed: ${firstLine(added)}. Run install as the operator who will use the helper, in their own session.`,
        );
      }
      const lines = [tr`Registered ${location} = ${value}; the helper starts at every logon.`];
      if (!entry.startNow) {
        lines.push(tr`Start it once the configuration is filled in: ${value}`);
        return lines;
      }
      const [program = '', ...args] = entry.command;
      const started = await context.run(program, args);
      if (started.code !== 0) {
        throw new InstallError(
          tr`The helper did not start: ${firstLine(started)}. Check it with the doctor command.`,
        );
      }
      lines.push(firstLine(started));
      return lines;
    },
    async uninstall() {
      const query = await reg('query', RUN_KEY, '/v', RUN_VALUE_NAME);
      if (query.code !== 0) return [tr`No ${location} value: nothing to remove.`];
      const deleted = await reg('delete', RUN_KEY, '/v', RUN_VALUE_NAME, '/f');
      if (deleted.code !== 0) {
        throw new InstallError(tr`reg delete ${location} failed: ${firstLine(deleted)}.`);
      }
      return [tr`Removed ${location}.`];
    },
  };
}
