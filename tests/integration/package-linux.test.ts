import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pidFileFor } from '../../helper/core/pid-lock';
import type { ServerMessageOf } from '../../shared/protocol';
import { SHA256SUMS_FILE } from '../../scripts/package/build-executables';
import { fileSha256 } from '../../scripts/package/file-sha256';
import { freshExecutable } from '../../scripts/package/fresh-executable';
import { projectVersion } from '../../scripts/package/project-paths';
import { FIXTURE_NUMBERS } from '../support/fixtures';
import { harnessInfo } from '../support/harness-info';
import { DIDS, OUTBOUND_CONTEXT } from '../../harness/pbx-plan';
import { placeInboundCall, startFarEnd, startPhone, stopSipp } from '../support/sip-peers';
import { ExtensionClient } from '../../harness/extension/extension-client';
import { freePort } from '../../harness/services/free-port';
import { ANSWERED_DIAL_STAGES, dialStages } from '../support/dial-stages';

const VERSION = projectVersion();
const COMPANY_CALLER_ID = '74951234500';
/** An installation of the Firefox store build: the origin IT admits in these configurations. */
const FIREFOX_ORIGIN = 'moz-extension://3f2a6c1e-5b2d-4c5e-9a7f-0a1b2c3d4e5f';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The output these tests read is English, whatever the machine's locale. */
const ENGLISH: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8' };

function runExecutable(
  exe: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = ENGLISH,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(exe, [...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
        stdout,
        stderr,
      });
    });
  });
}

/**
 * The configuration IT would write for this workstation, pointing at the harness, admitting
 * `origins` (the release defaults when absent).
 */
function writeConfig(
  file: string,
  wsPort: number,
  logFile: string,
  origins?: readonly string[],
): void {
  const { asterisk, mariadb } = harnessInfo();
  const toml = (value: unknown) => JSON.stringify(value);
  writeFileSync(
    file,
    [
      '[pbx]',
      `host = ${toml(asterisk.amiHost)}`,
      `port = ${asterisk.amiPort}`,
      `user = ${toml(asterisk.accounts.helper.username)}`,
      `secret = ${toml(asterisk.accounts.helper.secret)}`,
      '[originate]',
      'channel = "PJSIP/{ext}"',
      `context = ${toml(OUTBOUND_CONTEXT)}`,
      `callerId = ${toml(COMPANY_CALLER_ID)}`,
      'ringTimeoutSeconds = 15',
      '[operator]',
      'extensions = "101"',
      '[database]',
      `host = ${toml(mariadb.host)}`,
      `port = ${mariadb.port}`,
      `user = ${toml(mariadb.readOnly.user)}`,
      `password = ${toml(mariadb.readOnly.password)}`,
      `database = ${toml(mariadb.database)}`,
      'queryTimeoutMs = 5000',
      '[links]',
      'order = "https://cabinet.test/orders/{code}"',
      // Outside numbers in keypad digits, so transfers after talking first reach them too.
      '[transfer]',
      'courierExten = "{digits}"',
      '[websocket]',
      `port = ${wsPort}`,
      ...(origins === undefined ? [] : [`allowedOrigins = ${toml(origins)}`]),
      '[log]',
      'level = "debug"',
      `file = ${toml(logFile)}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
}

/** Resolves once `done()` holds; rejects after the deadline with what `context()` says. */
async function waitUntil(
  done: () => boolean,
  timeoutMs: number,
  context: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms:\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let exe: string;
let dir: string;

beforeAll(async () => {
  exe = await freshExecutable('linux-x64', { log: (line) => console.log(`package: ${line}`) });
  dir = mkdtempSync(join(tmpdir(), 'ct-package-linux-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the Linux single-file executable', () => {
  it('prints the version of package.json', async () => {
    const result = await runExecutable(exe, ['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
  });

  it('is listed in SHA256SUMS with its checksum', async () => {
    const sums = readFileSync(join(dirname(exe), SHA256SUMS_FILE), 'utf8');
    expect(sums).toContain(`${await fileSha256(exe)}  ${basename(exe)}\n`);
  });

  it('admits no extension by default, not even the development build, and doctor says so', async () => {
    const config = join(dir, 'defaults.toml');
    writeConfig(config, await freePort(), '');
    const result = await runExecutable(exe, ['doctor', '--config', config]);
    expect(result.stdout).toContain(
      '[FAIL] config websocket.allowedOrigins: admits no extension, so none can connect',
    );
    expect(result.code).toBe(1);
    const listed = join(dir, 'development.toml');
    writeConfig(listed, await freePort(), '', [
      'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl',
    ]);
    expect((await runExecutable(exe, ['doctor', '--config', listed])).stdout).toContain(
      'admits the development build',
    );
  });

  it('doctor passes every check against the real PBX and database', async () => {
    const config = join(dir, 'doctor.toml');
    writeConfig(config, await freePort(), '', [FIREFOX_ORIGIN]);
    const result = await runExecutable(exe, ['doctor', '--config', config]);
    expect(result.stdout + result.stderr).not.toContain('[FAIL]');
    expect(result.stdout).toContain('[ok]   AMI privileges');
    expect(result.stdout).toContain('[ok]   database account is read-only');
    expect(result.code).toBe(0);
  });

  describe('run', () => {
    let child: ChildProcess;
    let output = '';
    let exited: Promise<number | null>;
    let client: ExtensionClient;
    let config: string;
    let logFile: string;

    beforeAll(async () => {
      config = join(dir, 'run', 'helper.toml');
      logFile = join(dir, 'run', 'logs', 'helper.log');
      mkdirSync(join(dir, 'run'), { recursive: true });
      const port = await freePort();
      writeConfig(config, port, logFile, [FIREFOX_ORIGIN]);
      child = spawn(exe, ['run', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      exited = new Promise((resolve) => child.once('exit', resolve));
      await waitUntil(
        () => output.includes('listening for the extension'),
        60_000,
        () => output,
      );
      const pair = await runExecutable(exe, ['pair', '--config', config]);
      const code = /Pairing code:\s+(\S+)/.exec(pair.stdout)?.[1];
      if (code === undefined) throw new Error(`pair printed no code: ${pair.stdout}${pair.stderr}`);
      // The release refuses the development build that the sources admit.
      await expect(ExtensionClient.open(port)).rejects.toThrow('refused with HTTP 403');
      const pairing = await ExtensionClient.open(port, FIREFOX_ORIGIN);
      const token = await pairing.pair(code);
      await pairing.close();
      client = await ExtensionClient.open(port, FIREFOX_ORIGIN);
      await client.hello(token);
      await client.waitForStatus((status) => status.pbx.state === 'connected');
    });

    afterEach(stopSipp);

    afterAll(async () => {
      await client?.close();
      if (child && child.exitCode === null) child.kill('SIGTERM');
      await exited;
    });

    it('a real inbound call to 101 reaches the paired client as a card with the caller looked up', async () => {
      await startPhone('101', 'answer', { answerAfterMs: 1000 });
      const since = Date.now();
      await placeInboundCall({
        from: FIXTURE_NUMBERS.recipient,
        did: DIDS.direct,
        hangupAfterMs: 1000,
      });
      const identified = await client.waitFor(
        (m): m is ServerMessageOf<'call'> =>
          m.type === 'call' &&
          m.call.remote.dbKey === FIXTURE_NUMBERS.recipient &&
          m.call.startedAt >= since - 1000 &&
          m.call.lookup === 'done',
        30_000,
      );
      expect(identified.call.direction).toBe('in');
      expect(identified.call.extension).toBe('101');
      expect(identified.call.identity.deliveries.length).toBeGreaterThan(0);
      expect(identified.call.identity.deliveries[0]?.url).toMatch(
        /^https:\/\/cabinet\.test\/orders\//,
      );
      await client.waitFor(
        (m): m is ServerMessageOf<'call'> =>
          m.type === 'call' && m.call.callId === identified.call.callId && m.call.state === 'ended',
        30_000,
      );
    });

    it('click-to-call rings the operator phone 101 first, then the far end gets the number', async () => {
      const phone = await startPhone('101', 'answer', { answerAfterMs: 500 });
      const farEnd = await startFarEnd('answer', { answerAfterMs: 300, hangupAfterMs: 800 });
      const updates = await client.dial('8 (916) 123-45-67');
      expect(dialStages(updates)).toEqual(ANSWERED_DIAL_STAGES);
      expect(phone.invites().length).toBeGreaterThan(0);
      const invite = await farEnd.lastInvite();
      expect(invite?.dialled).toBe('+79161234567');
      expect(invite?.fromUser).toBe(COMPANY_CALLER_ID);
    });

    it('a second instance exits with code 3 and names the running one', async () => {
      const second = await runExecutable(exe, ['run', '--config', config]);
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(`Courier helper is already running (PID ${child.pid}).`);
    });

    it('logs JSON lines to the configured file and releases its lock on SIGTERM', async () => {
      const lines = readFileSync(logFile, 'utf8').trim().split('\n');
      expect(lines.some((line) => JSON.parse(line).msg === 'helper starting')).toBe(true);
      expect(readFileSync(logFile, 'utf8')).not.toContain(harnessInfo().mariadb.readOnly.password);
      expect(existsSync(pidFileFor(join(dir, 'run')))).toBe(true);
      await client.close();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(pidFileFor(join(dir, 'run')))).toBe(false);
    });
  });
});

describe('install and uninstall of the Linux executable', () => {
  let home: string;
  let fakeBin: string;
  let systemctlLog: string;

  beforeAll(() => {
    home = join(dir, 'home');
    fakeBin = join(dir, 'fake-bin');
    systemctlLog = join(dir, 'systemctl.log');
    mkdirSync(fakeBin, { recursive: true });
    // Stands in for the user's systemd: records what install and uninstall ask of it.
    writeFileSync(join(fakeBin, 'systemctl'), `#!/bin/sh\necho "$@" >> "${systemctlLog}"\n`);
    chmodSync(join(fakeBin, 'systemctl'), 0o755);
  });

  const env = () => ({
    ...ENGLISH,
    HOME: home,
    XDG_CONFIG_HOME: '',
    PATH: `${fakeBin}:${process.env.PATH}`,
  });
  const unitFile = () => join(home, '.config', 'systemd', 'user', 'courier-helper.service');

  it('install writes a unit systemd-analyze accepts, with the example configuration; uninstall removes it', async () => {
    const installed = await runExecutable(exe, ['install'], env());
    expect(installed.code, installed.stderr).toBe(0);
    const configFile = join(home, '.config', 'courier-telephony', 'helper.toml');
    expect(readFileSync(unitFile(), 'utf8')).toContain(
      `ExecStart="${exe}" "run" "--config" "${configFile}"`,
    );
    expect(readFileSync(configFile, 'utf8')).toContain(
      `file = ${JSON.stringify(join(home, '.local', 'state', 'courier-telephony', 'helper.log'))}`,
    );
    const runtime = join(dir, 'runtime');
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    const verify = await runExecutable('systemd-analyze', ['--user', 'verify', unitFile()], {
      ...process.env,
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
    });
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);

    const reinstalled = await runExecutable(exe, ['install'], env());
    expect(reinstalled.stdout).toContain('kept as it was');
    const removed = await runExecutable(exe, ['uninstall'], env());
    expect(removed.code, removed.stderr).toBe(0);
    expect(existsSync(unitFile())).toBe(false);
    expect(existsSync(configFile)).toBe(true);
    expect(readFileSync(systemctlLog, 'utf8').trim().split('\n')).toEqual([
      '--user daemon-reload',
      '--user enable courier-helper.service',
      '--user daemon-reload',
      '--user enable --now courier-helper.service',
      '--user disable --now courier-helper.service',
      '--user daemon-reload',
      '--user reset-failed courier-helper.service',
    ]);
  });
});
