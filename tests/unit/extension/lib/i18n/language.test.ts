import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getLanguage, setLanguage } from '../../../../../extension/lib/i18n/core';
import { followLanguageSetting, resolveLanguage } from '../../../../../extension/lib/i18n/language';
import { DEFAULT_SETTINGS, settingsItem } from '../../../../../extension/lib/settings';

describe('language setting', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setLanguage('en');
  });
  afterEach(() => setLanguage('en'));

  it('follows the browser for "auto"', () => {
    expect(resolveLanguage('auto', 'ru-RU')).toBe('ru');
    expect(resolveLanguage('auto', 'kk')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('en');
    expect(resolveLanguage('en', 'ru')).toBe('en');
    expect(resolveLanguage('ru', 'en-US')).toBe('ru');
  });

  it('applies the stored setting and every change of it', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'auto' });
    const scope = new AbortController();
    await followLanguageSetting(scope.signal, () => 'ru');
    expect(getLanguage()).toBe('ru');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(getLanguage()).toBe('en');
    scope.abort();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'ru' });
    expect(getLanguage()).toBe('en');
  });
});
