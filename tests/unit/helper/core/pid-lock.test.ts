import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../helper/cli/run-cli';
import {
  AlreadyRunningError,
  pidFileFor,
  acquirePidLock,
  PidLockError,
  processAlive,
} from '../../../../helper/core/pid-lock';
import { configText, testIo } from '../../../support/helper/cli/cli-harness';
import {
  tempHome,
  type TempHome,
} from '../../../support/helper/workstation/install/install-harness';

describe('single instance: the PID lock', () => {
  let dir: TempHome;
  let file: string;
  beforeEach(() => {
    dir = tempHome();
    file = pidFileFor(join(dir.path, 'state'));
  });
  afterEach(() => dir.remove());

  it('creates the file with this PID and removes it on release', () => {
    const lock = acquirePidLock({ file, pid: 1234, alive: () => false });
    expect(readFileSync(file, 'utf8')).toBe('1234\n');
    lock.release();
    expect(existsSync(file)).toBe(false);
    lock.release();
  });

  it('creates the state folder for the owner only', () => {
    acquirePidLock({ file, pid: 1234, alive: () => false }).release();
    if (process.platform !== 'win32') {
      expect(statSync(join(dir.path, 'state')).mode & 0o777).toBe(0o700);
    }
  });

  it('refuses while the PID in the file is alive, naming it and the file', () => {
    acquirePidLock({ file, pid: 1234, alive: () => true });
    const attempt = () => acquirePidLock({ file, pid: 5678, alive: (pid) => pid === 1234 });
    expect(attempt).toThrow(AlreadyRunningError);
    expect(attempt).toThrow(
      /^Courier helper is already running \(PID 1234\)\..*delete .*helper\.pid/,
    );
    expect(readFileSync(file, 'utf8')).toBe('1234\n');
  });

  it('replaces a lock left by a dead process or holding garbage', () => {
    mkdirSync(join(dir.path, 'state'));
    writeFileSync(file, '999999\n');
    acquirePidLock({ file, pid: 42, alive: () => false }).release();
    writeFileSync(file, 'not a pid');
    const lock = acquirePidLock({ file, pid: 43, alive: () => true });
    expect(readFileSync(file, 'utf8')).toBe('43\n');
    lock.release();
  });

  it('does not remove a lock another process has taken over', () => {
    const lock = acquirePidLock({ file, pid: 42, alive: () => false });
    writeFileSync(file, '77\n');
    lock.release();
    expect(readFileSync(file, 'utf8')).toBe('77\n');
  });

  it('says which folder to fix when the lock cannot be written', () => {
    writeFileSync(join(dir.path, 'state'), 'a file where the folder should be');
    expect(() => acquirePidLock({ file, pid: 42 })).toThrow(PidLockError);
    expect(() => acquirePidLock({ file, pid: 42 })).toThrow(/writable/);
  });

  it('knows live and dead processes', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });

  it('a second run exits with code 3 and the message, without starting the helper', async () => {
    const config = join(dir.path, 'helper.toml');
    writeFileSync(config, configText());
    writeFileSync(pidFileFor(dir.path), `${process.ppid}\n`);
    const io = testIo();
    let started = false;
    const code = await runCli(['run', '--config', config], io, {
      runHelper: async () => {
        started = true;
      },
    });
    expect(code).toBe(3);
    expect(started).toBe(false);
    expect(io.err()).toContain(`Courier helper is already running (PID ${process.ppid}).`);
  });

  it('run holds the lock while serving and releases it when it stops', async () => {
    const config = join(dir.path, 'helper.toml');
    writeFileSync(config, configText());
    let heldDuringRun = '';
    const code = await runCli(['run', '--config', config], testIo(), {
      runHelper: async () => {
        heldDuringRun = readFileSync(pidFileFor(dir.path), 'utf8');
      },
    });
    expect(code).toBe(0);
    expect(heldDuringRun).toBe(`${process.pid}\n`);
    expect(existsSync(pidFileFor(dir.path))).toBe(false);
  });
});
