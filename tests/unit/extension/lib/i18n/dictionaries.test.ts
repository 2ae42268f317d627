import { describe, expect, it } from 'vitest';
import type { Dictionary } from '../../../../../extension/lib/i18n/core';
import { PAGE_STRINGS } from '../../../../../extension/lib/i18n/page-strings';
import { SHELL_STRINGS } from '../../../../../extension/lib/i18n/shell-strings';
import { OUTCOME_STRINGS } from '../../../../../extension/lib/i18n/outcome-strings';
import { JOURNAL_STRINGS } from '../../../../../extension/lib/i18n/journal-strings';
import { STATUS_STRINGS } from '../../../../../extension/lib/i18n/status-labels';

const DICTIONARIES: [string, { ru: Dictionary; en: Dictionary }][] = [
  ['page', PAGE_STRINGS],
  ['shell', SHELL_STRINGS],
  ['outcome', OUTCOME_STRINGS],
  ['journal', JOURNAL_STRINGS],
  ['status', STATUS_STRINGS],
];

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe.each(DICTIONARIES)('%s strings', (_name, strings) => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(strings.ru).sort()).toEqual(Object.keys(strings.en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, russian] of Object.entries(strings.ru)) {
      expect({ key, placeholders: placeholders(russian) }).toEqual({
        key,
        placeholders: placeholders(strings.en[key] ?? ''),
      });
    }
  });

  it('have no empty string', () => {
    const empty = [...Object.entries(strings.ru), ...Object.entries(strings.en)].filter(
      ([, text]) => text.trim() === '',
    );
    expect(empty).toEqual([]);
  });
});
