import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../../helper/core/cli-io';
import {
  guardAgainstCrashes,
  reportCrashesTo,
  type CrashKind,
} from '../../../../helper/core/crash-guard';
import { freePort } from '../../../../harness/services/free-port';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const PROBE = fileURLToPath(
  new URL('../../../support/helper/core/crash-probe.mjs', import.meta.url),
);

describe('guardAgainstCrashes', () => {
  const undo: (() => void)[] = [];
  afterEach(() => undo.splice(0).forEach((step) => step()));

  it('reports the first error nothing handled once, where the command logs, then exits 70', () => {
    const fake = new EventEmitter();
    const exits: number[] = [];
    const early: string[] = [];
    const logged: [CrashKind, unknown][] = [];
    undo.push(
      guardAgainstCrashes({
        report: (kind) => early.push(kind),
        exit: (code) => exits.push(code),
        process: fake as unknown as NodeJS.Process,
      }),
    );
    undo.push(reportCrashesTo((kind, error) => logged.push([kind, error])));
    const boom = new Error('boom');
    fake.emit('unhandledRejection', boom);
    fake.emit('uncaughtException', new Error('while exiting'));
    expect(logged).toEqual([['unhandled rejection', boom]]);
    expect(early).toEqual([]);
    expect(exits).toEqual([EXIT.crashed]);
  });
});

describe('a helper process with an error nothing handled', () => {
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('logs it with its stack in the helper log and exits with code 70, lock released', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-crash-'));
    const log = join(dir, 'helper.log');
    const config = join(dir, 'helper.toml');
    writeFileSync(
      config,
      `mode = "demo"\n[websocket]\nport = ${await freePort()}\n[log]\nfile = ${JSON.stringify(log)}\n`,
      { mode: 0o600 },
    );
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        PROBE,
        join(ROOT, 'helper/main.ts'),
        'run',
        '--config',
        config,
      ],
      { cwd: ROOT, env: { ...process.env, CRASH_PROBE_LOG: log }, stdio: 'ignore' },
    );
    const running = child;
    const code = await new Promise<number | null>((resolve) => running.once('exit', resolve));
    expect(code).toBe(EXIT.crashed);
    const lines = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            level: number;
            msg: string;
            crash?: string;
            err?: { stack?: string };
          },
      );
    const fatal = lines.find((line) => line.level === 60);
    expect(fatal?.crash).toBe('unhandled rejection');
    expect(fatal?.msg).toContain('helper crashed');
    expect(fatal?.err?.stack).toContain('crash probe: a rejection nobody handles');
    expect(existsSync(join(dir, 'helper.pid'))).toBe(false);
  }, 60_000);
});
