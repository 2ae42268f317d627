import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../../helper/config/defaults';
import { loadConfig } from '../../../../helper/config/load';
import { validateConfig } from '../../../../helper/config/validate';
import type { HelperConfig } from '../../../../helper/config/types';
import { NON_KEY_VARIABLES } from '../../../../helper/config/env-overrides';
import {
  BASE_TOML as BASE,
  minimalConfig as minimal,
  problemAt,
  problemsOf,
} from '../../../support/helper/config/config-problems';
import { FIELD_SPECS } from '../../../../helper/config/schema';
import { DEFAULT_JOURNAL_SETTINGS } from '../../../../helper/config/journal-settings';
import { MIGRATE_ENV } from '../../../../helper/journal/run-migrate-command';
import { configSecrets, loggerForConfig } from '../../../../helper/log/logger-for-config';
import { DEFAULT_TRANSFER_SETTINGS } from '../../../../helper/config/transfer-settings';

const JOURNAL_PASSWORD = 'journal-Pa55-word';

describe('[journal], [recording] and [transfer] keys', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helper-config-journal-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function load(text: string, env: Record<string, string> = {}) {
    const file = join(dir, 'helper.toml');
    writeFileSync(file, BASE + text);
    return loadConfig({ file, env });
  }

  function loaded(text: string, env: Record<string, string> = {}): HelperConfig {
    const result = load(text, env);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.config;
  }

  it('defaults to the journal off, no recording link and a blind transfer', () => {
    const config = loaded('');
    expect(config.journal).toEqual({
      enabled: false,
      user: 'courier_journal',
      password: '',
      spoolDir: '',
    });
    expect(config.journal).toEqual(DEFAULT_JOURNAL_SETTINGS);
    expect(config.recording).toEqual({ urlTemplate: '' });
    expect(config.transfer).toEqual({
      method: 'blind',
      courierContext: 'from-internal',
      courierExten: '{e164}',
      managerContext: 'from-internal',
    });
    expect(config.transfer).toEqual(DEFAULT_TRANSFER_SETTINGS);
  });

  it('reads every key from the file, TOML booleans included', () => {
    const config = loaded(`
[journal]
enabled = true
user = "journal_writer"
password = "${JOURNAL_PASSWORD}"
spoolDir = "/var/lib/courier/journal"
[recording]
urlTemplate = "https://pbx.example.com/recordings/{date}/{basename}"
[transfer]
method = "redirect"
courierContext = "outbound"
courierExten = "9{national}"
managerContext = "internal.phones"
`);
    expect(config.journal).toEqual({
      enabled: true,
      user: 'journal_writer',
      password: JOURNAL_PASSWORD,
      spoolDir: '/var/lib/courier/journal',
    });
    expect(config.recording.urlTemplate).toBe(
      'https://pbx.example.com/recordings/{date}/{basename}',
    );
    expect(config.transfer).toEqual({
      method: 'redirect',
      courierContext: 'outbound',
      courierExten: '9{national}',
      managerContext: 'internal.phones',
    });
  });

  it('knows journal.enabled as a boolean key', () => {
    expect(FIELD_SPECS.get('journal.enabled')?.kind).toBe('boolean');
    expect(FIELD_SPECS.get('journal.password')?.secret).toBe(true);
    expect(FIELD_SPECS.get('transfer.method')?.enumValues).toEqual(['blind', 'redirect']);
  });

  it('refuses a quoted or numeric boolean in the file and says to write it bare', () => {
    for (const written of ['"true"', '1', '"yes"']) {
      const result = load(`[journal]\nenabled = ${written}\n`);
      expect(result.ok, written).toBe(false);
      if (result.ok) continue;
      const problem = problemAt(result.problems, 'journal.enabled');
      expect(problem.message).toMatch(/^must be true or false, got /);
      expect(problem.fix).toBe('write it as enabled = true or false (without quotes)');
    }
  });

  it.each([
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    [' TRUE ', true],
    ['False', false],
  ])('takes COURIER_JOURNAL_ENABLED=%j as %s', (value, expected) => {
    const config = loaded('[journal]\nenabled = false\n', { COURIER_JOURNAL_ENABLED: value });
    expect(config.journal.enabled).toBe(expected);
  });

  it('names the variable when COURIER_JOURNAL_ENABLED is not a boolean', () => {
    const result = load('', { COURIER_JOURNAL_ENABLED: 'yes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = problemAt(result.problems, 'journal.enabled');
    expect(problem.message).toContain('must be true, false, 1 or 0');
    expect(problem.message).toContain('(set by environment variable COURIER_JOURNAL_ENABLED)');
    expect(problem.fix).toBe('set COURIER_JOURNAL_ENABLED to true, false, 1 or 0');
  });

  it('lets environment variables set the other new keys, the journal password above all', () => {
    const config = loaded('[journal]\npassword = "in-the-file"\n', {
      COURIER_JOURNAL_PASSWORD: JOURNAL_PASSWORD,
      COURIER_JOURNAL_USER: 'writer_from_env',
      COURIER_JOURNAL_SPOOL_DIR: '/srv/spool',
      COURIER_RECORDING_URL_TEMPLATE: 'https://pbx.test/rec/{file}',
      COURIER_TRANSFER_METHOD: 'redirect',
      COURIER_TRANSFER_COURIER_EXTEN: '{digits}',
    });
    expect(config.journal).toMatchObject({
      password: JOURNAL_PASSWORD,
      user: 'writer_from_env',
      spoolDir: '/srv/spool',
    });
    expect(config.recording.urlTemplate).toBe('https://pbx.test/rec/{file}');
    expect(config.transfer).toMatchObject({ method: 'redirect', courierExten: '{digits}' });
  });

  it("treats migrate's administrator variables as no configuration key", () => {
    expect(NON_KEY_VARIABLES).toEqual(
      expect.arrayContaining([MIGRATE_ENV.adminUser, MIGRATE_ENV.adminPassword]),
    );
    const result = load('', {
      COURIER_MIGRATE_ADMIN_USER: 'root',
      COURIER_MIGRATE_ADMIN_PASSWORD: 'admin-pw',
    });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('requires journal.user while the journal is enabled, and only then', () => {
    const problem = problemAt(problemsOf({ journal: { enabled: true, user: '' } }), 'journal.user');
    expect(problem.message).toContain('journal.enabled = true');
    expect(problem.fix).toContain('courier-helper migrate');
    expect(problem.fix).toContain('journal.enabled = false');
    expect(validateConfig({ ...minimal(), journal: { enabled: false, user: '' } }).ok).toBe(true);
  });

  it('refuses a journal account name or spool folder that cannot be right', () => {
    const problems = problemsOf({
      journal: { user: "courier journal'", spoolDir: 'C:\\spool\njournal' },
    });
    expect(problemAt(problems, 'journal.user').fix).toContain('set journal.user');
    expect(problemAt(problems, 'journal.spoolDir').fix).toContain('set journal.spoolDir');
  });

  it('never echoes the journal password in a problem', () => {
    const secret = `line1\n${JOURNAL_PASSWORD}`;
    const wrongType = problemAt(
      problemsOf({ journal: { password: 12345678 } }),
      'journal.password',
    );
    expect(wrongType.message).toBe('must be text, got a value of the wrong type');
    const broken = problemAt(problemsOf({ journal: { password: secret } }), 'journal.password');
    expect(JSON.stringify(broken)).not.toContain(JOURNAL_PASSWORD);
    expect(broken.fix).toBe('retype journal.password without line breaks or tabs');
  });

  it.each([
    ['ftp://pbx.example.com/{basename}', 'must start with http:// or https:// and a host name'],
    ['https://pbx.example.com/{name}.wav', 'has an unknown placeholder {name}'],
    ['https://pbx.example.com/rec ordings/{file}', 'must not contain spaces'],
  ])('checks recording.urlTemplate %j like the recordings do', (template, message) => {
    const problem = problemAt(
      problemsOf({ recording: { urlTemplate: template } }),
      'recording.urlTemplate',
    );
    expect(problem.message).toBe(message);
    expect(problem.fix).toContain('set recording.urlTemplate to an http(s) address');
    expect(problem.fix).toContain('or leave it empty');
  });

  it('checks every [transfer] key against its own name, with a fix', () => {
    const problems = problemsOf({
      transfer: {
        method: 'blnd',
        courierContext: 'from internal',
        courierExten: '8{mobile}',
        managerContext: 'managers;Hangup',
      },
    });
    expect(problems.map((p) => p.key).sort()).toEqual([
      'transfer.courierContext',
      'transfer.courierExten',
      'transfer.managerContext',
      'transfer.method',
    ]);
    expect(problemAt(problems, 'transfer.method').fix).toContain('did you mean "blind"?');
    const context = problemAt(problems, 'transfer.courierContext');
    expect(context.message).toBe(
      'must be a dialplan context name: letters, digits, "_", "." and "-"',
    );
    expect(context.fix).toMatch(/^set transfer\.courierContext to the dialplan context/);
    const exten = problemAt(problems, 'transfer.courierExten');
    expect(exten.message).toContain('{e164}, {digits} or {national}');
    expect(exten.fix).toContain('"9{national}"');
    expect(problemAt(problems, 'transfer.managerContext').fix).toContain('account manager');
  });

  it('accepts dial prefixes and every placeholder in transfer.courierExten', () => {
    for (const courierExten of ['{e164}', '{digits}', '{national}', '9{national}', '*8{digits}#']) {
      const result = validateConfig({ ...minimal(), transfer: { courierExten } });
      expect(result.ok, courierExten).toBe(true);
    }
  });

  it('keeps the journal password out of the log, with the other secrets', async () => {
    const config = loaded(`[journal]\nenabled = true\npassword = "${JOURNAL_PASSWORD}"\n`);
    expect(configSecrets(config)).toContain(JOURNAL_PASSWORD);
    const lines: string[] = [];
    const { logger, close } = loggerForConfig(
      { ...config, log: { level: 'info', file: '' } },
      { write: (line: string) => lines.push(line) },
    );
    logger.info({ config }, 'configuration loaded');
    logger.warn(`journal login failed for courier_journal with ${JOURNAL_PASSWORD}`);
    await close();
    const text = lines.join('');
    expect(text).toContain('journal login failed');
    expect(text).not.toContain(JOURNAL_PASSWORD);
    expect(text).toContain('[redacted]');
  });

  it('lists the new sections among the defaults the example file must document', () => {
    expect(Object.keys(DEFAULTS)).toEqual(
      expect.arrayContaining(['journal', 'recording', 'transfer']),
    );
  });
});
