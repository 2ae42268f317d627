import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Autostart, AutostartEntry } from './autostart';
import { firstLine } from './command-runner';
import { type InstallContext, InstallError } from './install-context';
import { LAUNCH_AGENT_LABEL, renderLaunchAgentPlist } from './launch-agent-plist';
import { tr } from '../../core/cli-text';
import './russian';

export function launchAgentFile(home: string): string {
  return posix.join(home, 'Library', 'LaunchAgents', `${LAUNCH_AGENT_LABEL}.plist`);
}

/**
 * macOS: a per-user LaunchAgent. launchd loads every plist in ~/Library/LaunchAgents at
 * login; `launchctl bootstrap` loads it into the running session as well.
 */
export function launchAgentAutostart(context: InstallContext): Autostart {
  const plist = launchAgentFile(context.home);
  const domain = `gui/${context.uid}`;
  const service = `${domain}/${LAUNCH_AGENT_LABEL}`;
  const launchctl = (...args: string[]) => context.run('launchctl', args);

  return {
    location: plist,
    async install(entry: AutostartEntry) {
      mkdirSync(posix.dirname(plist), { recursive: true });
      // An older registration stays loaded with its old arguments until booted out.
      const previous = await launchctl('bootout', service);
      writeFileSync(plist, renderLaunchAgentPlist(entry.command), { mode: 0o644 });
      const lines = [tr`Wrote the LaunchAgent ${plist}; it starts the helper at every login.`];
      if (previous.code === 0) {
        lines.push(tr`Stopped the previously loaded ${LAUNCH_AGENT_LABEL}.`);
      }
      if (!entry.startNow) {
        lines.push(
          tr`Start it once the configuration is filled in: ${`launchctl bootstrap ${domain} "${plist}"`}`,
        );
        return lines;
      }
      const bootstrap = await launchctl('bootstrap', domain, plist);
      if (bootstrap.code !== 0) {
        throw new InstallError(
          tr`launchctl bootstrap ${domain} failed: ${firstLine(bootstrap)}. Run install from the user's own desktop session (not over SSH or with sudo), or log out and in: the LaunchAgent is loaded at login.`,
        );
      }
      lines.push(tr`Started it: ${`launchctl print ${service}`}`);
      return lines;
    },
    async uninstall() {
      const bootout = await launchctl('bootout', service);
      const lines = bootout.code === 0 ? [tr`Stopped ${LAUNCH_AGENT_LABEL}.`] : [];
      if (!existsSync(plist)) {
        lines.push(tr`No LaunchAgent at ${plist}: nothing to remove.`);
        return lines;
      }
      rmSync(plist, { force: true });
      lines.push(tr`Removed ${plist}.`);
      return lines;
    },
  };
}
