import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_SPECS, COMMANDS } from '../../../../helper/cli/command-specs';
import { runCli, VERSION } from '../../../../helper/cli/run-cli';
import { invokedProgramName } from '../../../../helper/core/cli-io';
import { pidFileFor } from '../../../../helper/core/pid-lock';
import {
  PAIRING_FILE_NAME,
  PairingStore,
} from '../../../../helper/workstation/pairing/pairing-store';
import { freePort } from '../../../../harness/services/free-port';
import { startFixture } from '../../../support/helper/workstation/ws/server-fixture';
import { CLIENT_INFO } from '../../../support/helper/workstation/ws/ws-test-client';
import type { HelperConfig } from '../../../../helper/config/types';
import {
  AMI_SECRET,
  configText,
  DB_PASSWORD,
  tempDir,
  testIo,
} from '../../../support/helper/cli/cli-harness';
import type { TempDir } from '../../../support/helper/cli/cli-harness';
import {
  FILTER_REVISION_VARIABLE,
  HELPER_EVENTS,
} from '../../../../helper/workstation/manager-conf/account-privileges';
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

  it('exits 2 for an unknown command or flag, saying where the help is', async () => {
    for (const [argv, help] of [
      [['dial'], 'courier-helper --help'],
      [['--verbose'], 'courier-helper --help'],
      [['doctor', 'extra'], 'courier-helper doctor --help'],
      [['doctor', '--permit', '10.0.0.1'], 'courier-helper doctor --help'],
      [['run', '--config'], 'courier-helper run --help'],
    ] as const) {
      const io = testIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toContain(`Run "${help}"`);
      expect(io.out()).toBe('');
    }
    const misplaced = testIo();
    await runCli(['doctor', '--permit', '10.0.0.1'], misplaced);
    expect(misplaced.err()).toContain(
      '--permit belongs to the manager-conf command, not to doctor',
    );
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

  it('pairs into the state folder beside the configuration, for the helper running there', async () => {
    const fixture = await startFixture();
    const file = dir.write('helper.toml', configText({ wsPort: fixture.server.port }));
    // A live process other than this one stands in for the helper holding the lock.
    writeFileSync(pidFileFor(dir.path), String(process.ppid));
    try {
      const io = testIo();
      expect(await runCli(['pair', '--config', file], io)).toBe(0);
      const code = /Pairing code:\s+(\d{6})/.exec(io.out())?.[1];
      expect(code).toBeDefined();
      expect(io.out()).toContain('Open the Courier Telephony extension options → Pairing');
      const issued = await new PairingStore({ stateDir: dir.path }).redeem(
        code!,
        CLIENT_INFO,
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      );
      expect(issued.token).toMatch(/\S{20,}/);
    } finally {
      await fixture.dispose();
    }
  });

  it('refuses to pair, with exit code 1, when no helper runs for the configuration', async () => {
    const file = dir.write('helper.toml', configText({ wsPort: 1 }));
    const io = testIo();
    expect(await runCli(['pair', '--config', file], io)).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toContain(
      'Cannot pair: No helper is running with this configuration, so no browser could use a code. ' +
        'Start it with "courier-helper run"',
    );
    expect(existsSync(join(dir.path, PAIRING_FILE_NAME))).toBe(false);
    const russian = testIo({ LANG: 'ru_RU.UTF-8' });
    expect(await runCli(['pair', '--config', file], russian)).toBe(1);
    expect(russian.err()).toContain(
      'Сопряжение невозможно: Помощник с этими настройками не запущен',
    );
  });

  it('refuses to pair when the helper of the configuration does not answer on its port', async () => {
    const file = dir.write('helper.toml', configText({ wsPort: await freePort() }));
    writeFileSync(pidFileFor(dir.path), String(process.ppid));
    const io = testIo();
    expect(await runCli(['pair', '--config', file], io)).toBe(1);
    expect(io.err()).toContain(`The helper runs (PID ${process.ppid}) but does not answer`);
  });
});

describe('help', () => {
  it('gives every command its own help: what it does, its options, an example and exit codes', async () => {
    for (const command of COMMANDS) {
      const io = testIo();
      expect(await runCli([command, '--help'], io), command).toBe(0);
      const text = io.out();
      expect(text, command).toContain(`Usage: courier-helper ${command} [options]`);
      for (const option of COMMAND_SPECS[command].options) {
        expect(text, `${command} --${option}`).toContain(`--${option}`);
      }
      expect(text, command).toContain('--lang ru|en');
      expect(text, command).toContain(
        `Example:\n  courier-helper ${COMMAND_SPECS[command].example}`,
      );
      expect(text, command).toMatch(/Exit codes:\n {2}0 {2}\S/);
      expect(text, command).toMatch(/^ {2}2 {2}/m);
      expect(
        text.split('\n').every((line) => line.length <= 80),
        command,
      ).toBe(true);
      const viaHelp = testIo();
      await runCli(['help', command], viaHelp);
      expect(viaHelp.out(), command).toBe(text);
    }
  });

  it('shows doctor its --json and no option of another command', async () => {
    const io = testIo();
    await runCli(['doctor', '--help'], io);
    expect(io.out()).toContain('--json');
    expect(io.out()).not.toContain('--permit');
    expect(io.out()).toContain('1  at least one check failed');
  });

  it("lists the commands and says how to get a command's help", async () => {
    const io = testIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const command of COMMANDS) expect(io.out()).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    expect(io.out()).toContain('Run "courier-helper <command> --help"');
    expect(io.out()).toContain('Exit codes: 0 done, 1 failed, 2 bad command line');
  });

  it('suggests the command or option meant by a typo', async () => {
    const typo = testIo();
    expect(await runCli(['dcotor'], typo)).toBe(2);
    expect(typo.err()).toContain('Unknown command "dcotor". Did you mean "doctor"?');
    const option = testIo();
    expect(await runCli(['doctor', '--jsno'], option)).toBe(2);
    expect(option.err()).toContain('Unknown option --jsno. Did you mean "--json"?');
    const far = testIo();
    await runCli(['dial'], far);
    expect(far.err()).toContain('Unknown command "dial".');
    expect(far.err()).not.toContain('Did you mean');
  });

  it('speaks Russian under a Russian locale, and as --lang says', async () => {
    const russian = testIo({ LANG: 'ru_RU.UTF-8' });
    await runCli(['doctor', '--help'], russian);
    expect(russian.out()).toContain('Использование: courier-helper doctor [параметры]');
    expect(russian.out()).toContain('Коды выхода:');
    expect(russian.out()).toContain('1  хотя бы одна проверка не пройдена');
    const typo = testIo({ LANG: 'ru_RU.UTF-8' });
    await runCli(['dcotor'], typo);
    expect(typo.err()).toContain('Неизвестная команда «dcotor». Может быть, «doctor»?');
    const chosen = testIo({ LANG: 'ru_RU.UTF-8' });
    await runCli(['--help', '--lang', 'en'], chosen);
    expect(chosen.out()).toContain('Usage: courier-helper');
    const asked = testIo({ LANG: 'en_US.UTF-8' });
    await runCli(['--lang=ru', 'pair', '--help'], asked);
    expect(asked.out()).toContain('Использование: courier-helper pair');
    const wrong = testIo();
    expect(await runCli(['--lang', 'de'], wrong)).toBe(2);
    expect(wrong.err()).toContain('--lang takes ru or en, not "de"');
  });

  it('names itself as it was started: npm run helper -- from the source tree', async () => {
    const io = testIo({ npm_lifecycle_event: 'helper' });
    await runCli(['pair', '--help'], io);
    expect(io.out()).toContain('Usage: npm run helper -- pair [options]');
    expect(io.out()).toContain('  npm run helper -- pair\n');
    expect(invokedProgramName({}, '/opt/courier/courier-helper')).toBe('courier-helper');
    expect(invokedProgramName({}, 'C:\\Courier\\courier-helper-win-x64.exe')).toBe(
      'courier-helper-win-x64',
    );
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
    expect(text).toMatch(/^read = call,dialplan,agent$/m);
    expect(text).toMatch(/^write = originate,call,reporting,agent$/m);
    expect(text).not.toMatch(/^(read|write) = .*\b(system|command|all)\b/m);
    for (const ext of ['101', '102']) {
      expect(text).toContain(
        `eventfilter(action(include),name(DialBegin),method(contains)) = Channel: PJSIP/${ext}-`,
      );
      expect(text).toContain(
        `eventfilter(action(include),name(Pickup),method(contains)) = Channel: Local/${ext}@`,
      );
      // Queue member events name the member's interfaces, not a channel.
      expect(text).toContain(
        `eventfilter(action(include),name(QueueMemberPause),header(StateInterface),method(exact)) = PJSIP/${ext}`,
      );
      expect(text).toContain(
        `eventfilter(action(include),name(QueueMemberPause),header(Interface),method(starts_with)) = Local/${ext}@`,
      );
    }
    expect(text).not.toContain('name(Newchannel)) =');
    expect(text).not.toMatch(/name\(QueueMember\w+\),method\(contains\)/);
    expect(text).toContain(
      `eventfilter(action(include),name(VarSet),header(Variable),method(exact)) = ${FILTER_REVISION_VARIABLE}`,
    );
    expect(text).not.toContain(AMI_SECRET);
  });

  it('suggests, commented out, disabling only per-call events the helper never reads', async () => {
    const io = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(await runCli(['manager-conf', '--seats', '101'], io)).toBe(0);
    const line = /^; {3}disabledevents = ([A-Za-z,]+)$/m.exec(io.out());
    const disabled = line?.[1]?.split(',') ?? [];
    expect(disabled).toContain('Newexten');
    expect(disabled).toContain('DeviceStateChange');
    for (const needed of [...HELPER_EVENTS, 'VarSet', 'QueueMemberStatus', 'QueueMemberPause']) {
      expect(disabled).not.toContain(needed);
    }
    expect(io.out()).not.toMatch(/^disabledevents/m);
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

  it("names the seats' accounts as the office file's pbx.user template does, or --user's", async () => {
    const sectionsOf = (text: string): string[] => text.match(/^\[[^\]]+\]$/gm) ?? [];
    const office = configText()
      .replace('user = "courier-101"', 'user = "office-{ext}"')
      .replace('extensions = "101,102"', 'user = "{login}"');
    const file = dir.write('helper.toml', office);
    const io = testIo();
    expect(await runCli(['manager-conf', '--config', file, '--seats', '101-102'], io)).toBe(0);
    expect(sectionsOf(io.out())).toEqual(['[office-101]', '[office-102]']);
    const byOption = testIo({ XDG_CONFIG_HOME: dir.path });
    expect(
      await runCli(['manager-conf', '--seats', '101,103', '--user', 'ast{ext}'], byOption),
    ).toBe(0);
    expect(sectionsOf(byOption.out())).toEqual(['[ast101]', '[ast103]']);
    const oneSeat = dir.write(
      'seat.toml',
      office.replace('user = "{login}"', 'extensions = "102"'),
    );
    const seat = testIo();
    expect(await runCli(['manager-conf', '--config', oneSeat], seat)).toBe(0);
    expect(sectionsOf(seat.out())).toEqual(['[office-102]']);
    // The seat's extension lives in the cabinet, which manager-conf does not read.
    const unknown = testIo();
    expect(await runCli(['manager-conf', '--config', file], unknown)).toBe(2);
    expect(unknown.err()).toContain(
      "office-{ext} names each seat's account by its extension: give the seat with --seats 101",
    );
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
