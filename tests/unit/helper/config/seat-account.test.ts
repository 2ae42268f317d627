import { afterEach, describe, expect, it } from 'vitest';
import { setCliLanguage } from '../../../../helper/core/cli-text';
import { seatAccountName } from '../../../../helper/config/seat-account';
import type { ConfigProblem } from '../../../../helper/config/types';
import { validateConfig } from '../../../../helper/config/validate';

/** One office file: the seat's extensions come from the cabinet, its account from the template. */
const office = (pbx: Record<string, unknown>, operator: Record<string, unknown>) => ({
  pbx: { host: 'pbx.office.lan', secret: 'office-ami-secret', ...pbx },
  operator,
  database: { host: 'db.office.lan', user: 'courier_ro', password: 'db-pass' },
});

function problemsOf(raw: Record<string, unknown>): ConfigProblem[] {
  const result = validateConfig(raw);
  return result.ok ? [] : result.problems;
}

afterEach(() => setCliLanguage('en'));

describe('pbx.user = "courier-{ext}": the seat account template', () => {
  it("names the seat's account after its one extension, and leaves a fixed name as it is", () => {
    expect(seatAccountName('courier-{ext}', ['102'])).toEqual({ user: 'courier-102' });
    expect(seatAccountName('{ext}.ami', ['4501'])).toEqual({ user: '4501.ami' });
    expect(seatAccountName('courier-101', ['102', '103'])).toEqual({ user: 'courier-101' });
    expect(seatAccountName('courier-101', [])).toEqual({ user: 'courier-101' });
  });

  it('says what to set when the seat has several extensions or none', () => {
    const several = seatAccountName('courier-{ext}', ['101', '102']);
    expect(several).toEqual({
      problem: {
        key: 'pbx.user',
        message:
          'uses {ext}, but this seat has 2 extensions (101,102) and one account serves one seat',
        fix: expect.stringContaining('COURIER_PBX_USER=courier-101'),
      },
    });
    const none = seatAccountName('courier-{ext}', []);
    expect(none).toMatchObject({
      problem: {
        key: 'pbx.user',
        message: 'uses {ext}, but this seat has no extension to put there',
        fix: expect.stringContaining('operator.user with users.extPhone'),
      },
    });
  });

  it('is valid in an office file whose seats read their extension from the cabinet', () => {
    const result = validateConfig(office({ user: 'courier-{ext}' }, { user: '{login}' }));
    expect(result.ok && result.values.pbx.user).toBe('courier-{ext}');
    const fixed = validateConfig(office({ user: 'courier-{ext}' }, { extensions: '102' }));
    expect(fixed.ok).toBe(true);
  });

  it('lists an unknown placeholder with the one it knows', () => {
    const problems = problemsOf(office({ user: 'courier-{extension}' }, { user: 'ivanova' }));
    expect(problems).toEqual([
      {
        key: 'pbx.user',
        message: 'has {extension}, which is no placeholder pbx.user knows (it knows {ext})',
        fix: 'write {ext} where the seat\'s extension goes, e.g. pbx.user = "courier-{ext}", or the account\'s fixed name',
      },
    ]);
    for (const user of ['courier-{login}', 'courier-{ext', 'courier-ext}', 'a{}b']) {
      expect(
        problemsOf(office({ user }, { user: 'ivanova' })).map((p) => p.key),
        user,
      ).toEqual(['pbx.user']);
    }
  });

  it('names the environment variable that gave the template', () => {
    const result = validateConfig(
      office({ user: 'courier-{extn}' }, { user: 'ivanova' }),
      new Map([['pbx.user', 'COURIER_PBX_USER']]),
    );
    expect(!result.ok && result.problems[0]?.message).toContain(
      '(set by environment variable COURIER_PBX_USER)',
    );
  });

  it('is refused where the seat lists several extensions or has none, with what to do', () => {
    const several = problemsOf(office({ user: 'courier-{ext}' }, { extensions: '101,102' }));
    expect(several).toEqual([
      expect.objectContaining({
        key: 'pbx.user',
        message: expect.stringContaining('this seat has 2 extensions (101,102)'),
        fix: expect.stringContaining('COURIER_PBX_USER=courier-101'),
      }),
    ]);
    const none = problemsOf(office({ user: 'courier-{ext}' }, {}));
    expect(none.map((p) => p.key).sort()).toEqual(['operator', 'pbx.user']);
  });

  it('speaks Russian when the command line does', () => {
    setCliLanguage('ru');
    const [problem] = problemsOf(office({ user: 'courier-{extension}' }, { user: 'ivanova' }));
    expect(problem?.message).toBe(
      'содержит {extension}, но такой подстановки pbx.user не знает (знает только {ext})',
    );
    const several = seatAccountName('courier-{ext}', ['101', '102']);
    expect('problem' in several && several.problem.fix).toContain(
      'переменной окружения COURIER_PBX_USER=courier-101',
    );
  });
});
