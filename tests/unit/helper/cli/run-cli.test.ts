import { chmodSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, VERSION } from '../../../../helper/cli/run-cli';
import type { HelperConfig } from '../../../../helper/config/types';
import {
  AMI_SECRET,
  configText,
  DB_PASSWORD,
  tempDir,
  testIo,
} from '../../../support/helper/cli/cli-harness';
import type { TempDir } from '../../../support/helper/cli/cli-harness';
import { FILTER_REVISION_VARIABLE } from '../../../../helper/workstation/manager-conf/account-privileges';
import { SEAT_RANGE } from '../../../../harness/pbx-plan';
import { createAmiAccounts, helperAccountsConf } from '../../../../harness/services/ami-accounts';

describe('command line', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
  });

  it('prints usage and exits 2 for an unknown command or flag', async () => {
    for (const argv of [
      ['dial'],
      ['--verbose'],
      ['doctor', 'extra'],
      ['doctor', '--permit', '10.0.0.1'],
      ['run', '--config'],
    ]) {
      const io = testIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toContain('Usage: courier-helper');
      expect(io.out()).toBe('');
    }
  });

  it('prints help and the version', async () => {
    const help = testIo();
    expect(await runCli(['--help'], help)).toBe(0);
    expect(help.out()).toContain('manager-conf');
    const version = testIo();
    expect(await runCli(['--version'], version)).toBe(0);
    expect(version.out().trim()).toBe(VERSION);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs the helper with the loaded configuration, a logger and the signal', async () => {
    const file = dir.write('helper.toml', configText());
    const controller = new AbortController();
    const io = testIo({}, controller.signal);
    let seen: { config: HelperConfig; signal: AbortSignal } | undefined;
    const code = await runCli(['run', '--config', file], io, {
      runHelper: async (config, logger, signal) => {
        seen = { config, signal };
        logger.info({ config }, 'configuration in use');
        logger.warn(`login as courier-101 with ${AMI_SECRET} failed`);
      },
    });
    expect(code).toBe(0);
    expect(seen?.config.paths.file).toBe(file);
    expect(seen?.config.operator.extensions).toEqual(['101', '102']);
    expect(seen?.signal).toBe(controller.signal);
    expect(io.err()).toContain('helper starting');
    expect(io.err()).not.toContain(AMI_SECRET);
    expect(io.err()).not.toContain(DB_PASSWORD);
  });

  it('warns with the chmod when others may read the configuration holding secrets, and runs', async () => {
    const file = dir.write('helper.toml', configText());
    chmodSync(file, 0o640);
    const io = testIo();
    let ran = false;
    const code = await runCli(['run', '--config', file], io, {
      runHelper: async () => {
        ran = true;
      },
    });
    expect(code).toBe(0);
    expect(ran).toBe(true);
    const warning = io
      .err()
      .split('\n')
      .map((line) => (line === '' ? {} : (JSON.parse(line) as { level?: number; msg?: string })))
      .find((line) => line.msg?.includes('may read it'));
    expect(warning?.level).toBe(40);
    expect(warning?.msg).toBe(
      `${file} holds pbx.secret, database.password and other accounts on this computer may read it (mode 0640): run chmod 600 ${file}`,
    );
  });

  it('starts the demo when there is no configuration file', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path, APPDATA: dir.path, HOME: dir.path });
    let mode: string | undefined;
    const code = await runCli([], io, {
      runHelper: async (config) => {
        mode = config.mode;
      },
    });
    expect(code).toBe(0);
    expect(mode).toBe('demo');
    expect(io.err()).toContain('demo mode');
  });

  it('refuses to run on a bad configuration, listing every problem', async () => {
    const file = dir.write('helper.toml', `${configText()}\n[log]\nlevle = "debug"\nfile = 5\n`);
    const io = testIo();
    let ran = false;
    const code = await runCli(['run', '--config', file], io, {
      runHelper: async () => {
        ran = true;
      },
    });
    expect(code).toBe(1);
    expect(ran).toBe(false);
    expect(io.err()).toContain('log.levle');
    expect(io.err()).toContain('did you mean "level"');
    expect(io.err()).toContain('log.file');
    expect(io.err()).not.toContain(AMI_SECRET);
  });

  it('reports a helper that stops on an error with exit code 1', async () => {
    const file = dir.write('helper.toml', configText());
    const io = testIo();
    const code = await runCli(['run', '--config', file], io, {
      runHelper: async () => {
        throw new Error(`boom ${DB_PASSWORD}`);
      },
    });
    expect(code).toBe(1);
    expect(io.err()).toContain('boom');
    expect(io.err()).not.toContain(DB_PASSWORD);
  });

  it('takes the configuration path from COURIER_CONFIG', async () => {
    const file = dir.write('other.toml', configText());
    const io = testIo({ COURIER_CONFIG: file, COURIER_PBX_SECRET: 'from-env-secret' });
    let secret: string | undefined;
    await runCli(['run'], io, {
      runHelper: async (config) => {
        secret = config.pbx.secret;
      },
    });
    expect(secret).toBe('from-env-secret');
  });

  it('pairs into the state folder beside the configuration', async () => {
    const file = dir.write('helper.toml', configText());
    const io = testIo();
    expect(await runCli(['pair', '--config', file], io)).toBe(0);
    expect(io.out()).toMatch(/Pairing code/);
  });
});

describe('manager-conf', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
  });

  it("prints a least-privilege account for the configured operator, filtered to that seat's channels", async () => {
    const file = dir.write('helper.toml', configText());
    const io = testIo();
    expect(await runCli(['manager-conf', '--config', file, '--permit', '10.0.0.21'], io)).toBe(0);
    const text = io.out();
    expect(text).toContain('[courier-101]');
    expect(text).toContain('operator extension(s) 101,102');
    expect(text).toContain('permit = 10.0.0.21/255.255.255.255');
    expect(text).toContain('deny = 0.0.0.0/0.0.0.0');
    expect(text).toMatch(/^read = call,dialplan$/m);
    expect(text).toMatch(/^write = originate,call,reporting$/m);
    expect(text).not.toMatch(/^(read|write) = .*\b(system|command|all)\b/m);
    for (const ext of ['101', '102']) {
      expect(text).toContain(
        `eventfilter(action(include),name(DialBegin),method(contains)) = Channel: PJSIP/${ext}-`,
      );
      expect(text).toContain(
        `eventfilter(action(include),name(Pickup),method(contains)) = Channel: Local/${ext}@`,
      );
    }
    expect(text).not.toContain('name(Newchannel)) =');
    expect(text).toContain(
      `eventfilter(action(include),name(VarSet),header(Variable),method(exact)) = ${FILTER_REVISION_VARIABLE}`,
    );
    expect(text).not.toContain(AMI_SECRET);
  });

  it('prints one per-seat account for each seat of a range and list', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(await runCli(['manager-conf', '--seats', '101-103,110'], io)).toBe(0);
    const sections = io
      .out()
      .split(/^(?=\[)/m)
      .slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '[courier-101]',
      '[courier-102]',
      '[courier-103]',
      '[courier-110]',
    ]);
    for (const [i, ext] of ['101', '102', '103', '110'].entries()) {
      const filters = sections[i]!.split('\n').filter((l) => l.startsWith('eventfilter'));
      const channels = filters.filter((l) => /Channel/.test(l));
      expect(channels.length).toBeGreaterThan(10);
      for (const line of channels) expect(line).toMatch(new RegExp(`(PJSIP|Local)/${ext}[-@]?`));
    }
  });

  it("is what the test PBX's accounts hold: the same classes and event filters", async () => {
    const rules = (text: string): string[] =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^(\[|read|write|eventfilter)/.test(line))
        .map((line) => line.replace(/\s+/g, ' '));
    const office = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(
      await runCli(
        ['manager-conf', '--office-wide', '--user', 'helper', '--permit', '127.0.0.1'],
        office,
      ),
    ).toBe(0);
    const seats = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(
      await runCli(['manager-conf', '--seats', SEAT_RANGE, '--permit', '127.0.0.1'], seats),
    ).toBe(0);
    const harness = helperAccountsConf(createAmiAccounts());
    expect(rules(harness)).toEqual([...rules(office.out()), ...rules(seats.out())]);
  });

  it('refuses seats that are not extensions, and --user with several seats', async () => {
    for (const argv of [
      ['--seats', '101-9'],
      ['--seats', '103-101'],
      ['--seats', 'abc'],
      ['--seats', '100-100000'],
      ['--seats', '101,102', '--user', 'x'],
      ['--seats', '101', '--office-wide'],
    ]) {
      const io = testIo({ XDG_CONFIG_HOME: dir.path });
      expect(await runCli(['manager-conf', ...argv], io), argv.join(' ')).toBe(2);
      expect(io.err()).toMatch(/--seats|--user/);
    }
  });

  it('prints regular-expression filters for older Asterisk and a named account', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(
      await runCli(['manager-conf', '--legacy-filters', '--user', 'op-7', '--permit', '::1'], io),
    ).toBe(0);
    expect(io.out()).toContain('[op-7]');
    expect(io.out()).toContain('permit = ::1/128');
    expect(io.out()).toContain('eventfilter = Event: Hangup[[:space:]]');
    expect(io.out()).toContain('regular expressions for Asterisk before 21.6');
    expect(io.out()).not.toContain('eventfilter(');
  });

  it('refuses an address that is not an IP with exit code 2', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(await runCli(['manager-conf', '--permit', 'my-pc'], io)).toBe(2);
    expect(io.err()).toContain('--permit');
    const badUser = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(await runCli(['manager-conf', '--user', 'a b]'], badUser)).toBe(2);
  });
});
