import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchAgentAutostart } from '../../../../../helper/workstation/install/launch-agent-autostart';
import {
  type InstallContext,
  InstallError,
} from '../../../../../helper/workstation/install/install-context';
import {
  fakeRunner,
  tempHome,
  type FakeRunner,
  type TempHome,
} from '../../../../support/helper/workstation/install/install-harness';

const COMMAND = ['/Applications/courier-helper', 'run', '--config', '/cfg/helper.toml'];

describe('macOS autostart: LaunchAgent', () => {
  let home: TempHome;
  beforeEach(() => {
    home = tempHome();
  });
  afterEach(() => home.remove());

  function context(runner: FakeRunner): InstallContext {
    return { platform: 'darwin', env: {}, home: home.path, uid: 501, run: runner.run };
  }

  it('writes the plist and bootstraps it into the user’s GUI domain', async () => {
    const runner = fakeRunner((_file, args) => (args[0] === 'bootout' ? { code: 3 } : {}));
    const autostart = launchAgentAutostart(context(runner));
    const plist = join(home.path, 'Library', 'LaunchAgents', 'ru.courier-telephony.helper.plist');
    expect(autostart.location).toBe(plist);
    await autostart.install({ command: COMMAND, startNow: true });
    expect(readFileSync(plist, 'utf8')).toContain('<string>/Applications/courier-helper</string>');
    expect(runner.lines()).toEqual([
      'launchctl bootout gui/501/ru.courier-telephony.helper',
      `launchctl bootstrap gui/501 ${plist}`,
    ]);
  });

  it('leaves it for the next login while the configuration holds the example', async () => {
    const runner = fakeRunner();
    const lines = await launchAgentAutostart(context(runner)).install({
      command: COMMAND,
      startNow: false,
    });
    expect(runner.lines().some((line) => line.includes('bootstrap'))).toBe(false);
    expect(lines.join('\n')).toContain('launchctl bootstrap gui/501');
  });

  it('explains a refused bootstrap', async () => {
    const runner = fakeRunner((_file, args) =>
      args[0] === 'bootstrap' ? { code: 5, stderr: 'Bootstrap failed: 5: Input/output error' } : {},
    );
    const install = launchAgentAutostart(context(runner)).install({
      command: COMMAND,
      startNow: true,
    });
    await expect(install).rejects.toThrow(InstallError);
    await expect(
      launchAgentAutostart(context(runner)).install({ command: COMMAND, startNow: true }),
    ).rejects.toThrow(/Input\/output error.*desktop session/s);
  });

  it('uninstall boots it out and removes the plist', async () => {
    const runner = fakeRunner();
    const autostart = launchAgentAutostart(context(runner));
    await autostart.install({ command: COMMAND, startNow: true });
    runner.calls.length = 0;
    const lines = await autostart.uninstall();
    expect(runner.lines()).toEqual(['launchctl bootout gui/501/ru.courier-telephony.helper']);
    expect(existsSync(autostart.location)).toBe(false);
    expect(lines.join('\n')).toContain('Removed');
  });
});
