import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairingStore } from '../../../../../helper/workstation/pairing/pairing-store';
import {
  formatPairingInstructions,
  runPairCommand,
} from '../../../../../helper/workstation/pairing/run-pair-command';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const CLIENT = { name: 'Courier Telephony', version: '0.1.0', browser: 'firefox' };
let stateDir: string;

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'pair-cmd-'));
});

afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('runPairCommand', () => {
  it('prints the code with Russian and English instructions', async () => {
    let output = '';
    const created = await runPairCommand(stateDir, { write: (text: string) => (output += text) });
    expect(output).toContain(created.code);
    expect(output).toContain('Откройте настройки расширения');
    expect(output).toContain('«Сопряжение»');
    expect(output).toContain('в течение 10 мин');
    expect(output).toContain('Open the Courier Telephony extension options → Pairing');
    expect(output).toContain('within 10 minutes');
  });

  it('states a shorter lifetime when asked for one', () => {
    const text = formatPairingInstructions({
      code: '482913',
      expiresAt: Date.now(),
      ttlMs: 120_000,
    });
    expect(text).toContain('enter the code 482913');
    expect(text).toContain('within 2 minutes');
  });

  it('creates a code in another process that this process redeems', async () => {
    const script = fileURLToPath(
      new URL('../../../../support/helper/workstation/pairing/pair-cli.ts', import.meta.url),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script, stateDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const code = /Pairing code:\s+(\d{6})/.exec(stdout)?.[1];
    expect(code).toBeDefined();
    const issued = await new PairingStore({ stateDir }).redeem(code!, CLIENT);
    expect(await new PairingStore({ stateDir }).verify(issued.token)).toMatchObject({
      label: CLIENT,
    });
  }, 30_000);
});
