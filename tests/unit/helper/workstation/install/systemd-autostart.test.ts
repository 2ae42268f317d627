import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type InstallContext,
  InstallError,
} from '../../../../../helper/workstation/install/install-context';
import {
  systemdAutostart,
  systemdUserUnitDir,
} from '../../../../../helper/workstation/install/systemd-autostart';
import {
  fakeRunner,
  tempHome,
  type FakeRunner,
  type TempHome,
} from '../../../../support/helper/workstation/install/install-harness';

const COMMAND = ['/opt/courier/courier-helper', 'run', '--config', '/cfg/helper.toml'];

describe('Linux autostart: systemd user unit', () => {
  let home: TempHome;
  beforeEach(() => {
    home = tempHome();
  });
  afterEach(() => home.remove());

  function context(runner: FakeRunner, env: Record<string, string> = {}): InstallContext {
    return { platform: 'linux', env, home: home.path, uid: 1000, run: runner.run };
  }

  it('writes the unit under $XDG_CONFIG_HOME, reloads and enables it with --now', async () => {
    const runner = fakeRunner();
    const xdg = join(home.path, 'xdg');
    const autostart = systemdAutostart(context(runner, { XDG_CONFIG_HOME: xdg }));
    const lines = await autostart.install({ command: COMMAND, startNow: true });
    const unitFile = join(xdg, 'systemd', 'user', 'courier-helper.service');
    expect(autostart.location).toBe(unitFile);
    expect(readFileSync(unitFile, 'utf8')).toContain(
      'ExecStart="/opt/courier/courier-helper" "run" "--config" "/cfg/helper.toml"',
    );
    expect(runner.lines()).toEqual([
      'systemctl --user daemon-reload',
      'systemctl --user enable --now courier-helper.service',
    ]);
    expect(lines.join('\n')).toContain('Enabled and started courier-helper.service');
  });

  it('enables without starting while the configuration still holds the example', async () => {
    const runner = fakeRunner();
    const lines = await systemdAutostart(context(runner)).install({
      command: COMMAND,
      startNow: false,
    });
    expect(runner.lines()).toContain('systemctl --user enable courier-helper.service');
    expect(lines.join('\n')).toContain('systemctl --user start courier-helper.service');
    expect(systemdUserUnitDir({ env: {}, home: home.path })).toBe(
      join(home.path, '.config', 'systemd', 'user'),
    );
  });

  it('without a user systemd, enables the unit through its symlink and says how to start it', async () => {
    const runner = fakeRunner(() => ({
      code: 1,
      stderr: 'Failed to connect to bus: No medium found',
    }));
    const autostart = systemdAutostart(context(runner));
    const lines = (await autostart.install({ command: COMMAND, startNow: true })).join('\n');
    const link = join(
      home.path,
      '.config',
      'systemd',
      'user',
      'default.target.wants',
      'courier-helper.service',
    );
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../courier-helper.service');
    expect(lines).toContain('Failed to connect to bus');
    expect(lines).toContain("starts at the user's next login");
    expect(runner.lines()).toEqual(['systemctl --user daemon-reload']);

    const removed = await autostart.uninstall();
    expect(existsSync(link)).toBe(false);
    expect(existsSync(autostart.location)).toBe(false);
    expect(removed.join('\n')).toContain('Removed');
  });

  it('fails with the tool’s complaint when enabling fails', async () => {
    const runner = fakeRunner((_file, args) =>
      args.includes('enable')
        ? { code: 1, stderr: 'Unit courier-helper.service has a bad setting.' }
        : {},
    );
    const install = systemdAutostart(context(runner)).install({ command: COMMAND, startNow: true });
    await expect(install).rejects.toThrow(InstallError);
    await expect(
      systemdAutostart(context(runner)).install({ command: COMMAND, startNow: true }),
    ).rejects.toThrow(/bad setting.*systemd-analyze --user verify/s);
  });

  it('uninstall stops, disables and removes the unit, and says when there is nothing to remove', async () => {
    const runner = fakeRunner();
    const autostart = systemdAutostart(context(runner));
    await autostart.install({ command: COMMAND, startNow: true });
    runner.calls.length = 0;
    const lines = await autostart.uninstall();
    expect(existsSync(autostart.location)).toBe(false);
    expect(runner.lines()).toEqual([
      'systemctl --user disable --now courier-helper.service',
      'systemctl --user daemon-reload',
      'systemctl --user reset-failed courier-helper.service',
    ]);
    expect(lines.join('\n')).toContain('Stopped and disabled');
    expect((await autostart.uninstall()).join('\n')).toContain('nothing to remove');
  });
});
