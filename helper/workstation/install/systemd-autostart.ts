import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Autostart, AutostartEntry } from './autostart';
import { firstLine } from './command-runner';
import { type InstallContext, InstallError } from './install-context';
import { renderSystemdUnit, SYSTEMD_UNIT_NAME } from './systemd-unit';
import { tr } from '../../core/cli-text';
import './russian';

/** `$XDG_CONFIG_HOME/systemd/user`, where a user's own units live. */
export function systemdUserUnitDir(context: Pick<InstallContext, 'env' | 'home'>): string {
  const base = context.env.XDG_CONFIG_HOME || posix.join(context.home, '.config');
  return posix.join(base, 'systemd', 'user');
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Linux: a systemd user unit, enabled into default.target so it starts with the user's
 * session. Without a reachable user manager (an SSH or root shell) the unit is enabled by
 * its symlink, which is all `systemctl enable` makes, and starts at the next login.
 */
export function systemdAutostart(context: InstallContext): Autostart {
  const dir = systemdUserUnitDir(context);
  const unitFile = posix.join(dir, SYSTEMD_UNIT_NAME);
  const wantsLink = posix.join(dir, 'default.target.wants', SYSTEMD_UNIT_NAME);
  const systemctl = (...args: string[]) => context.run('systemctl', ['--user', ...args]);

  return {
    location: unitFile,
    async install(entry: AutostartEntry) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(unitFile, renderSystemdUnit(entry.command), { mode: 0o644 });
      const lines = [tr`Wrote the systemd user unit ${unitFile}.`];
      const reload = await systemctl('daemon-reload');
      if (reload.code !== 0) {
        mkdirSync(posix.dirname(wantsLink), { recursive: true });
        if (!exists(wantsLink)) symlinkSync(`../${SYSTEMD_UNIT_NAME}`, wantsLink);
        lines.push(
          tr`No user systemd is reachable from here (systemctl --user: ${firstLine(reload)}); the unit is enabled through ${wantsLink} and starts at the user's next login.`,
          tr`To start it now, in the user's session: ${`systemctl --user daemon-reload && systemctl --user start ${SYSTEMD_UNIT_NAME}`}`,
        );
        return lines;
      }
      const enable = await systemctl(
        'enable',
        ...(entry.startNow ? ['--now'] : []),
        SYSTEMD_UNIT_NAME,
      );
      if (enable.code !== 0) {
        throw new InstallError(
          tr`systemctl --user enable ${SYSTEMD_UNIT_NAME} failed: ${firstLine(enable)}. Check the unit with: systemd-analyze --user verify ${unitFile}`,
        );
      }
      lines.push(
        entry.startNow
          ? tr`Enabled and started ${SYSTEMD_UNIT_NAME}; it starts with every login. Status: systemctl --user status ${SYSTEMD_UNIT_NAME}`
          : tr`Enabled ${SYSTEMD_UNIT_NAME}; it starts with every login. Start it once the configuration is filled in: systemctl --user start ${SYSTEMD_UNIT_NAME}`,
      );
      return lines;
    },
    async uninstall() {
      if (!existsSync(unitFile) && !exists(wantsLink)) {
        return [tr`No systemd user unit at ${unitFile}: nothing to remove.`];
      }
      const lines: string[] = [];
      const disable = await systemctl('disable', '--now', SYSTEMD_UNIT_NAME);
      if (disable.code === 0) lines.push(tr`Stopped and disabled ${SYSTEMD_UNIT_NAME}.`);
      rmSync(wantsLink, { force: true });
      rmSync(unitFile, { force: true });
      lines.push(tr`Removed ${unitFile}.`);
      if (disable.code === 0) {
        await systemctl('daemon-reload');
        await systemctl('reset-failed', SYSTEMD_UNIT_NAME);
      }
      return lines;
    },
  };
}
