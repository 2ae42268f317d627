import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  registerRussian,
  russianTexts,
  setCliLanguage,
  systemCliLanguage,
  templateKey,
  tr,
} from '../../../../helper/core/cli-text';
import { russianCatalogues, trTemplates } from '../../../support/helper/core/tr-templates';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

afterEach(() => setCliLanguage('en'));

describe('the command-line language', () => {
  it('is Russian when the POSIX locale is, and the first locale variable set decides', () => {
    expect(systemCliLanguage({ LANG: 'ru_RU.UTF-8' }, 'linux')).toBe('ru');
    expect(systemCliLanguage({ LANG: 'ru' }, 'linux')).toBe('ru');
    expect(systemCliLanguage({ LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, 'linux')).toBe(
      'ru',
    );
    expect(systemCliLanguage({ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }, 'linux')).toBe('en');
    expect(systemCliLanguage({ LC_ALL: 'ru_KZ.UTF-8', LANG: 'en_US' }, 'darwin')).toBe('ru');
    expect(systemCliLanguage({ LANG: 'en_GB.UTF-8' }, 'linux')).toBe('en');
    expect(systemCliLanguage({ LANG: '' }, 'linux', () => 'ru-RU')).toBe('en');
  });

  it("follows Windows' display language, which Intl reports, when no variable is set", () => {
    expect(systemCliLanguage({}, 'win32', () => 'ru-RU')).toBe('ru');
    expect(systemCliLanguage({}, 'win32', () => 'en-US')).toBe('en');
    expect(systemCliLanguage({ LANG: 'en_US' }, 'win32', () => 'ru-RU')).toBe('en');
  });

  it('reads the default locale through PluralRules, which resolves it as DateTimeFormat does', () => {
    // ICU takes its default locale from the environment at start, so a child process shows it.
    for (const lang of ['ru_RU.UTF-8', 'en_US.UTF-8', 'kk_KZ.UTF-8']) {
      const seen = execFileSync(
        process.execPath,
        [
          '-e',
          'console.log(new Intl.PluralRules().resolvedOptions().locale, Intl.DateTimeFormat().resolvedOptions().locale)',
        ],
        { env: { PATH: process.env.PATH, LANG: lang }, encoding: 'utf8' },
      )
        .trim()
        .split(' ');
      expect(seen[0], lang).toBe(seen[1]);
    }
    const expected = Intl.DateTimeFormat().resolvedOptions().locale.startsWith('ru') ? 'ru' : 'en';
    expect(systemCliLanguage({}, 'win32')).toBe(expected);
  });
});

describe('tr', () => {
  beforeAll(() => registerRussian({ '{0} of {1} checks': '{1}: проверок {0}' }));

  it('writes English as it stands, values in place, braces of its own untouched', () => {
    expect(tr`${3} of ${5} checks`).toBe('3 of 5 checks');
    expect(tr`has no {ext} placeholder`).toBe('has no {ext} placeholder');
  });

  it('writes the registered Russian, values by number, in any order', () => {
    setCliLanguage('ru');
    expect(tr`${3} of ${5} checks`).toBe('5: проверок 3');
  });

  it('falls back to English for a text without Russian', () => {
    setCliLanguage('ru');
    expect(tr`untranslated ${1}`).toBe('untranslated 1');
  });

  it('keys a template by its English with numbered values', () => {
    expect(templateKey(['a ', ' b ', ''])).toBe('a {0} b {1}');
    expect(templateKey(['plain'])).toBe('plain');
  });
});

describe('the Russian catalogues', () => {
  const templates = trTemplates(ROOT);

  beforeAll(async () => {
    for (const file of russianCatalogues(ROOT)) await import(file);
  });

  it('find the texts in the source', () => {
    expect(templates.length).toBeGreaterThan(150);
  });

  it('have Russian for every text the commands print', () => {
    const missing = templates.filter(({ key }) => !russianTexts().has(key));
    expect(missing.map(({ key, where }) => `${where}: ${key}`)).toEqual([]);
  });

  it('hold no text the source no longer has', () => {
    const used = new Set(templates.map(({ key }) => key));
    const stale = [...russianTexts().keys()].filter(
      (key) => !used.has(key) && key !== '{0} of {1} checks',
    );
    expect(stale).toEqual([]);
  });

  it('keep every value of each text', () => {
    const numbers = (text: string): string[] =>
      [...text.matchAll(/\{(\d+)\}/g)].map((match) => match[1] ?? '').sort();
    const lost = [...russianTexts()].filter(
      ([english, russian]) => numbers(english).join() !== numbers(russian).join(),
    );
    expect(lost).toEqual([]);
  });
});
