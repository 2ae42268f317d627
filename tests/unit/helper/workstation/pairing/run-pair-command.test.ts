import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCliLanguage } from '../../../../../helper/core/cli-text';
import { acquirePidLock, pidFileFor, type PidLock } from '../../../../../helper/core/pid-lock';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';
import {
  formatPairingInstructions,
  NoRunningHelperError,
  runPairCommand,
} from '../../../../../helper/workstation/pairing/run-pair-command';
import {
  startFixture,
  type ServerFixture,
} from '../../../../support/helper/workstation/ws/server-fixture';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const CLIENT = { name: 'Courier Telephony', version: '0.1.0', browser: 'firefox' };
let fixture: ServerFixture;

beforeEach(async () => {
  fixture = await startFixture();
});

afterEach(async () => {
  setCliLanguage('en');
  await fixture.dispose();
});

/** A live process other than this one stands in for the helper holding the lock. */
function lockedByAnotherProcess(): void {
  writeFileSync(pidFileFor(fixture.stateDir), String(process.ppid));
}

describe('runPairCommand', () => {
  it('prints the code and what to do with it, in English or in Russian', async () => {
    lockedByAnotherProcess();
    let output = '';
    const out = { write: (text: string) => (output += text) };
    const created = await runPairCommand({
      stateDir: fixture.stateDir,
      port: fixture.server.port,
      out,
    });
    expect(output).toContain(created.code);
    expect(output).toContain('Open the Courier Telephony extension options → Pairing');
    expect(output).toContain('within 10 min');
    setCliLanguage('ru');
    output = '';
    await runPairCommand({ stateDir: fixture.stateDir, port: fixture.server.port, out });
    expect(output).toContain('Откройте настройки расширения «Курьерская телефония» → «Сопряжение»');
    expect(output).toContain('в течение 10 мин');
  });

  it('states a shorter lifetime when asked for one', () => {
    const text = formatPairingInstructions({
      code: '482913',
      expiresAt: Date.now(),
      ttlMs: 120_000,
    });
    expect(text).toContain('enter the code 482913');
    expect(text).toContain('within 2 min');
  });

  it('makes no code when no helper holds the lock of the state folder', async () => {
    const out = { write: () => undefined };
    await expect(
      runPairCommand({ stateDir: fixture.stateDir, port: fixture.server.port, out }),
    ).rejects.toThrow(NoRunningHelperError);
    expect(await new PairingStore({ stateDir: fixture.stateDir }).list()).toEqual([]);
  });

  it('creates a code in another process that the running helper redeems', async () => {
    // This process holds the lock as the helper would; the child plays `pair`.
    let lock: PidLock | undefined = acquirePidLock({ file: pidFileFor(fixture.stateDir) });
    try {
      const script = fileURLToPath(
        new URL('../../../../support/helper/workstation/pairing/pair-cli.ts', import.meta.url),
      );
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', script, fixture.stateDir, String(fixture.server.port)],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
      child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
      const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(stderr).toBe('');
      expect(exitCode).toBe(0);
      const code = /Pairing code:\s+(\d{6})/.exec(stdout)?.[1];
      expect(code).toBeDefined();
      const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
      const issued = await fixture.pairing.redeem(code!, CLIENT, origin);
      expect(await fixture.pairing.verify(issued.token, origin)).toMatchObject({ label: CLIENT });
    } finally {
      lock?.release();
      lock = undefined;
    }
  }, 30_000);
});
