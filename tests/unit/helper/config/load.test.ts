import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfigPath, stateDirFor } from '../../../../helper/config/paths';
import { envNameFor } from '../../../../helper/config/schema';
import { loadConfig } from '../../../../helper/config/load';

const VALID = `
[pbx]
host = "pbx.office.lan"
user = "courier-101"
secret = "file-ami-secret"
[operator]
extensions = "101"
[database]
host = "db.office.lan"
user = "courier_ro"
password = "file-db-password"
`;

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'helper-config-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function write(text: string): string {
    const file = join(dir, 'helper.toml');
    writeFileSync(file, text);
    return file;
  }

  it('reads a file and keeps its state beside it', () => {
    const file = write(VALID);
    const result = loadConfig({ file, env: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.pbx.secret).toBe('file-ami-secret');
    expect(result.config.paths).toEqual({ file, stateDir: dir });
    expect(result.warnings).toEqual([]);
  });

  it('lets environment variables override secrets and any other key', () => {
    const file = write(VALID);
    const result = loadConfig({
      file,
      env: {
        COURIER_PBX_SECRET: 'env-ami-secret',
        COURIER_DB_PASSWORD: 'env-db-password',
        COURIER_WEBSOCKET_PORT: '47999',
        COURIER_DATABASE_QUERY_TIMEOUT_MS: '2500',
        COURIER_OPERATOR_EXTENSIONS: '201,202',
        COURIER_LOG_LEVEL: 'debug',
        COURIER_CONFIG: file,
        COURIER_PBX_HOTS: 'typo',
        PATH: '/usr/bin',
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.pbx.secret).toBe('env-ami-secret');
    expect(result.config.database.password).toBe('env-db-password');
    expect(result.config.websocket.port).toBe(47999);
    expect(result.config.database.queryTimeoutMs).toBe(2500);
    expect(result.config.operator.extensions).toEqual(['201', '202']);
    expect(result.config.log.level).toBe('debug');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.key).toBe('COURIER_PBX_HOTS');
    expect(result.warnings[0]?.fix).toContain('COURIER_PBX_HOST');
  });

  it('names the environment variable behind a bad value', () => {
    const file = write(VALID);
    const result = loadConfig({ file, env: { COURIER_DATABASE_PORT: 'abc' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.key).toBe('database.port');
    expect(result.problems[0]?.message).toContain('COURIER_DATABASE_PORT');
  });

  it('reports a missing explicit file with how to create it', () => {
    const result = loadConfig({ file: join(dir, 'absent.toml'), env: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.key).toBe('(file)');
    expect(result.problems[0]?.fix).toContain('helper.example.toml');
  });

  it('starts in demo mode when no file exists at the default location', () => {
    const result = loadConfig({ defaultFile: join(dir, 'helper.toml'), env: {} });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.mode).toBe('demo');
    expect(result.config.paths).toEqual({ file: null, stateDir: dir });
  });

  it('reports a syntax error by line without quoting the line', () => {
    const file = write('[pbx]\nsecret = "unterminated-secret\nhost = "x"\n');
    const result = loadConfig({ file, env: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/line 2/);
    expect(JSON.stringify(result.problems)).not.toContain('unterminated-secret');
  });

  it('reports a bad key in the file with a suggestion', () => {
    const file = write(VALID.replace('host = "db.office.lan"', 'hostname = "db.office.lan"'));
    const result = loadConfig({ file, env: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const keys = result.problems.map((problem) => problem.key);
    expect(keys).toEqual(['database.hostname', 'database.host']);
    expect(result.problems[0]?.fix).toContain('"host"');
  });

  it('accepts a file saved with a byte-order mark, as Windows Notepad may do', () => {
    const file = write(`\uFEFF${VALID}`);
    expect(loadConfig({ file, env: {} }).ok).toBe(true);
  });
});

describe('paths', () => {
  it('follows each platform convention', () => {
    expect(
      defaultConfigPath({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' },
        home: 'C:\\Users\\op',
      }),
    ).toBe('C:\\Users\\op\\AppData\\Roaming\\CourierTelephony\\helper.toml');
    expect(
      defaultConfigPath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/h' }),
    ).toBe('/x/courier-telephony/helper.toml');
    expect(defaultConfigPath({ platform: 'linux', env: {}, home: '/h' })).toBe(
      '/h/.config/courier-telephony/helper.toml',
    );
    expect(defaultConfigPath({ platform: 'darwin', env: {}, home: '/Users/op' })).toBe(
      '/Users/op/Library/Application Support/CourierTelephony/helper.toml',
    );
    expect(stateDirFor('C:\\a\\b\\helper.toml', 'win32')).toBe('C:\\a\\b');
  });

  it('spells environment variables from keys', () => {
    expect(envNameFor('database.queryTimeoutMs')).toBe('COURIER_DATABASE_QUERY_TIMEOUT_MS');
    expect(envNameFor('pbx.secret')).toBe('COURIER_PBX_SECRET');
    expect(envNameFor('mode')).toBe('COURIER_MODE');
  });
});
