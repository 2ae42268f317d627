import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInBackground } from '../../../../../helper/workstation/install/start-in-background';
import type {
  DetachedProcess,
  SpawnDetached,
} from '../../../../../helper/workstation/install/spawn-detached';
import { pidFileFor } from '../../../../../helper/core/pid-lock';
import { testIo } from '../../../../support/helper/cli/cli-harness';
import {
  tempHome,
  type TempHome,
} from '../../../../support/helper/workstation/install/install-harness';

describe('run --background', () => {
  let dir: TempHome;
  beforeEach(() => {
    dir = tempHome();
  });
  afterEach(() => dir.remove());

  function fakeSpawn(behaviour: 'takes-lock' | 'exits' | 'silent'): {
    spawn: SpawnDetached;
    spawned: string[][];
    released: () => boolean;
  } {
    const spawned: string[][] = [];
    let released = false;
    const spawn: SpawnDetached = async (file, args) => {
      spawned.push([file, ...args]);
      const child: DetachedProcess = {
        pid: 4321,
        exited: behaviour === 'exits' ? Promise.resolve(1) : new Promise(() => undefined),
        release: () => {
          released = true;
        },
      };
      if (behaviour === 'takes-lock') {
        setTimeout(() => writeFileSync(pidFileFor(dir.path), '4321\n'), 50);
      }
      return child;
    };
    return { spawn, spawned, released: () => released };
  }

  it('starts the helper detached with the same run arguments and reports it once it holds the lock', async () => {
    const io = testIo();
    const fake = fakeSpawn('takes-lock');
    const code = await startInBackground({
      runArgs: ['--config', '/cfg/helper.toml'],
      stateDir: dir.path,
      logFile: '/logs/helper.log',
      io,
      spawn: fake.spawn,
    });
    expect(code).toBe(0);
    expect(fake.spawned[0]?.slice(-3)).toEqual(['run', '--config', '/cfg/helper.toml']);
    expect(fake.spawned[0]).not.toContain('--background');
    expect(io.out()).toContain('started in the background (PID 4321); its log: /logs/helper.log');
    expect(fake.released()).toBe(true);
  });

  it('says so when the helper stops at once', async () => {
    const io = testIo();
    const code = await startInBackground({
      runArgs: [],
      stateDir: dir.path,
      logFile: '',
      io,
      spawn: fakeSpawn('exits').spawn,
    });
    expect(code).toBe(1);
    expect(io.err()).toContain('stopped at once (exit code 1)');
  });

  it('returns after the wait even when the lock does not appear', async () => {
    const io = testIo();
    const code = await startInBackground({
      runArgs: [],
      stateDir: dir.path,
      logFile: '',
      io,
      spawn: fakeSpawn('silent').spawn,
      confirmWithinMs: 300,
    });
    expect(code).toBe(0);
    expect(io.out()).toContain('is starting in the background (PID 4321); it keeps no log');
  });

  it('exits with code 3 when a helper already runs', async () => {
    writeFileSync(join(dir.path, 'helper.pid'), `${process.ppid}\n`);
    const io = testIo();
    const fake = fakeSpawn('takes-lock');
    const code = await startInBackground({
      runArgs: [],
      stateDir: dir.path,
      logFile: '',
      io,
      spawn: fake.spawn,
    });
    expect(code).toBe(3);
    expect(fake.spawned).toHaveLength(0);
    expect(io.err()).toContain(`already running (PID ${process.ppid})`);
  });
});
