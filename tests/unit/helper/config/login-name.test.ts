import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setCliLanguage } from '../../../../helper/core/cli-text';
import { loadConfig } from '../../../../helper/config/load';
import { osLoginName, withLoginName } from '../../../../helper/config/login-name';

describe('the seat login name in operator.user', () => {
  it("is Windows' USERNAME there and the account's name elsewhere", () => {
    expect(osLoginName({ USERNAME: 'ivanova' }, 'win32')).toBe('ivanova');
    expect(osLoginName({}, 'linux', () => 'petrov')).toBe('petrov');
    const noAccount = () => {
      throw new Error('no passwd entry');
    };
    expect(osLoginName({ USER: 'sidorov' }, 'linux', noAccount)).toBe('sidorov');
  });

  it('fills {login}, and names the fix when the login cannot be a cabinet login', () => {
    expect(withLoginName('{login}', 'ivanova')).toEqual({ user: 'ivanova' });
    expect(withLoginName('op-{login}', 'ivanova')).toEqual({ user: 'op-ivanova' });
    expect(withLoginName('ivanova', '')).toEqual({ user: 'ivanova' });
    const problem = withLoginName('{login}', '');
    expect(problem).toMatchObject({
      problem: { key: 'operator.user', fix: expect.stringContaining('COURIER_OPERATOR_USER') },
    });
    expect(withLoginName('{login}', 'two words')).toHaveProperty('problem');
    setCliLanguage('ru');
    try {
      expect(withLoginName('{login}', 'two words')).toMatchObject({
        problem: {
          message:
            'использует {login}, но имя входа в этот компьютер "two words" не может быть логином в кабинете',
        },
      });
    } finally {
      setCliLanguage('en');
    }
  });

  it('one file serves every seat: loading it on this computer gives its own login', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-login-'));
    try {
      const file = join(dir, 'helper.toml');
      writeFileSync(file, 'mode = "demo"\n[operator]\nuser = "{login}"\n', { mode: 0o600 });
      const loaded = loadConfig({ file, env: {} });
      expect(loaded.ok && loaded.config.operator.user).toBe(userInfo().username);
      const overridden = loadConfig({ file, env: { COURIER_OPERATOR_USER: 'kozlova' } });
      expect(overridden.ok && overridden.config.operator.user).toBe('kozlova');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
