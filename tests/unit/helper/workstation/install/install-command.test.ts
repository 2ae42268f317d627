import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../../helper/cli/run-cli';
import { loadConfig } from '../../../../../helper/config/load';
import type { InstallSeams } from '../../../../../helper/workstation/install/install-context';
import { testIo } from '../../../../support/helper/cli/cli-harness';
import {
  fakeRunner,
  tempHome,
  type FakeRunner,
  type TempHome,
} from '../../../../support/helper/workstation/install/install-harness';

const EXE = '/opt/courier/courier-helper-linux-x64';

describe('install and uninstall commands', () => {
  let home: TempHome;
  let runner: FakeRunner;
  beforeEach(() => {
    home = tempHome();
    runner = fakeRunner();
  });
  afterEach(() => home.remove());

  function seams(extra: InstallSeams = {}): InstallSeams {
    return {
      platform: 'linux',
      home: home.path,
      uid: 1000,
      run: runner.run,
      executable: EXE,
      ...extra,
    };
  }
  const env = () => ({ HOME: home.path });
  const configFile = () => join(home.path, '.config', 'courier-telephony', 'helper.toml');
  const unitFile = () => join(home.path, '.config', 'systemd', 'user', 'courier-helper.service');

  it('first install writes the example configuration with a log file, registers the unit, and leaves it stopped', async () => {
    const io = testIo(env());
    expect(await runCli(['install'], io, { install: seams() })).toBe(0);
    const config = readFileSync(configFile(), 'utf8');
    const logFile = join(home.path, '.local', 'state', 'courier-telephony', 'helper.log');
    expect(config).toContain(`file = ${JSON.stringify(logFile)}`);
    expect(statSync(configFile()).mode & 0o077).toBe(0);
    const loaded = loadConfig({ file: configFile(), env: {} });
    expect(loaded.ok && loaded.config.log.file).toBe(logFile);
    expect(readFileSync(unitFile(), 'utf8')).toContain(
      `ExecStart="${EXE}" "run" "--config" "${configFile()}"`,
    );
    expect(runner.lines()).toContain('systemctl --user enable courier-helper.service');
    expect(io.out()).toContain(`Wrote an example configuration to ${configFile()}`);
    expect(io.out()).toContain(`"${EXE}" doctor --config "${configFile()}"`);
  });

  it('with a configuration already there, keeps it and starts the helper now', async () => {
    mkdirSync(join(home.path, '.config', 'courier-telephony'), { recursive: true });
    writeFileSync(configFile(), 'mode = "demo"\n');
    const io = testIo(env());
    expect(await runCli(['install'], io, { install: seams() })).toBe(0);
    expect(readFileSync(configFile(), 'utf8')).toBe('mode = "demo"\n');
    expect(runner.lines()).toContain('systemctl --user enable --now courier-helper.service');
    expect(io.out()).toContain('kept as it was');
  });

  it('takes --config, made absolute, into the unit', async () => {
    const io = testIo(env());
    const file = join(home.path, 'elsewhere', 'office.toml');
    expect(await runCli(['install', '--config', file], io, { install: seams() })).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(unitFile(), 'utf8')).toContain(`"--config" "${file}"`);
  });

  it("copies an existing office configuration to the seat's own place, owner-only, and runs that copy", async () => {
    const share = join(home.path, 'share', 'helper.toml');
    mkdirSync(join(home.path, 'share'), { recursive: true });
    writeFileSync(share, 'mode = "demo"\n[operator]\nuser = "{login}"\n', { mode: 0o644 });
    const io = testIo(env());
    expect(await runCli(['install', '--config', share], io, { install: seams() })).toBe(0);
    expect(readFileSync(configFile(), 'utf8')).toBe(readFileSync(share, 'utf8'));
    expect(statSync(configFile()).mode & 0o777).toBe(0o600);
    expect(readFileSync(unitFile(), 'utf8')).toContain(`"--config" "${configFile()}"`);
    expect(runner.lines()).toContain('systemctl --user enable --now courier-helper.service');
    expect(io.out()).toContain(`Copied the office configuration ${share} to ${configFile()}`);
    // Installing again takes the office's changes.
    writeFileSync(share, 'mode = "demo"\n');
    expect(await runCli(['install', '--config', share], testIo(env()), { install: seams() })).toBe(
      0,
    );
    expect(readFileSync(configFile(), 'utf8')).toBe('mode = "demo"\n');
  });

  it("refuses a broken office configuration, listing its problems, and keeps the seat's copy", async () => {
    mkdirSync(join(home.path, '.config', 'courier-telephony'), { recursive: true });
    writeFileSync(configFile(), 'mode = "demo"\n', { mode: 0o600 });
    const share = join(home.path, 'office.toml');
    writeFileSync(share, 'mode = "real"\n[websocket]\nport = 80\n');
    const io = testIo(env());
    expect(await runCli(['install', '--config', share], io, { install: seams() })).toBe(1);
    expect(io.err()).toContain('websocket.port');
    expect(io.err()).toContain("the seat's copy is unchanged");
    expect(readFileSync(configFile(), 'utf8')).toBe('mode = "demo"\n');
  });

  it('on Windows registers the Run key with --background', async () => {
    const io = testIo({ APPDATA: join(home.path, 'AppData', 'Roaming') });
    const exe = 'C:\\Program Files\\Courier\\courier-helper-win-x64.exe';
    const file = join(home.path, 'helper.toml');
    expect(
      await runCli(['install', '--config', file], io, {
        install: seams({ platform: 'win32', executable: exe }),
      }),
    ).toBe(0);
    const add = runner.calls.find((call) => call.file === 'reg');
    expect(add?.args[add.args.indexOf('/d') + 1]).toBe(
      `"${exe}" run --background --config ${file}`,
    );
  });

  it('refuses to install from the source tree, saying how to get the executable', async () => {
    const io = testIo(env());
    expect(await runCli(['install'], io, { install: seams({ executable: undefined }) })).toBe(1);
    expect(io.err()).toContain('npm run package:helper');
    expect(existsSync(unitFile())).toBe(false);
  });

  it('uninstall removes the unit, stops a helper still holding the lock, and keeps the configuration', async () => {
    await runCli(['install'], testIo(env()), { install: seams() });
    writeFileSync(join(home.path, '.config', 'courier-telephony', 'helper.pid'), '4242\n');
    const killed: number[] = [];
    const io = testIo(env());
    const code = await runCli(['uninstall'], io, {
      install: seams({ alive: (pid) => pid === 4242, kill: (pid) => killed.push(pid) }),
    });
    expect(code).toBe(0);
    expect(existsSync(unitFile())).toBe(false);
    expect(existsSync(configFile())).toBe(true);
    expect(killed).toEqual([4242]);
    expect(io.out()).toContain('Stopped the running helper (PID 4242)');
    expect(io.out()).toContain(`Kept the configuration ${configFile()}`);
  });

  it('names the platforms it supports', async () => {
    const io = testIo(env());
    expect(await runCli(['install'], io, { install: seams({ platform: 'freebsd' }) })).toBe(1);
    expect(io.err()).toContain('Windows, Linux and macOS');
  });
});
