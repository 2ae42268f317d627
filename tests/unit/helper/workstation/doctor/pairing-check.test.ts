import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCliLanguage } from '../../../../../helper/core/cli-text';
import { checkPairing } from '../../../../../helper/workstation/doctor/pairing-check';
import { PAIRING_FILE_NAME } from '../../../../../helper/workstation/pairing/pairing-store';
import { tempDir, type TempDir } from '../../../../support/helper/cli/cli-harness';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const token = (id: string, via?: 'policy') => ({
  id,
  hash: 'ab'.repeat(16),
  label: { name: 'Courier telephony', browser: 'chrome', version: '1.0.0' },
  origin: ORIGIN,
  createdAt: 1_700_000_000_000,
  ...(via ? { via } : {}),
});

describe('checkPairing', () => {
  let dir: TempDir;
  const writeTokens = (tokens: object[]) =>
    writeFileSync(join(dir.path, PAIRING_FILE_NAME), JSON.stringify({ version: 1, tokens }));

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    dir.remove();
    setCliLanguage('en');
  });

  it('tells a seat nobody paired yet what to do, without failing the report', async () => {
    expect(await checkPairing(dir.path, '')).toEqual({
      status: 'ok',
      name: 'browser pairing',
      detail:
        "no browser paired yet: run courier-helper pair on this computer and type the code in the extension's options (or set websocket.pairingSecret to pair managed browsers without a code)",
    });
  });

  it('counts browsers paired with a code, and those the policy paired when it is on', async () => {
    writeTokens([token('a1'), token('b2', 'policy')]);
    expect((await checkPairing(dir.path, '')).detail).toBe(
      '2 browser(s) paired with a code; managed pairing is off (websocket.pairingSecret is not set)',
    );
    const managed = await checkPairing(dir.path, 'f'.repeat(64));
    expect(managed.status).toBe('ok');
    expect(managed.detail).toContain('managed pairing is on');
    expect(managed.detail).toContain('2 paired, 1 of them by the policy');
    expect(managed.detail).not.toContain('f'.repeat(64));
  });

  it('fails with the fix when the pairing file cannot be read', async () => {
    writeFileSync(join(dir.path, PAIRING_FILE_NAME), '{ not json');
    const result = await checkPairing(dir.path, '');
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('courier-helper pair');
  });

  it('speaks Russian when the system does', async () => {
    setCliLanguage('ru');
    expect((await checkPairing(dir.path, '')).detail).toMatch(
      /^браузер ещё не сопряжён: выполните courier-helper pair/,
    );
  });
});
