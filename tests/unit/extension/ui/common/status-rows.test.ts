import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import '../../../../../extension/lib/i18n/shell-strings';
import { statusRows } from '../../../../../extension/ui/common/status-rows';
import { status } from '../../../../support/extension/samples';

const FULL =
  "The disk of the journal spool is full; 3 calls kept on the spool's reserve until there is room";

describe('status rows', () => {
  afterEach(() => setLanguage('en'));

  it("says when the journal spool cannot be written, with the helper's reason", () => {
    setLanguage('ru');
    const connection = {
      state: 'connected' as const,
      status: status({ journal: { state: 'disk-full', pending: 3, reason: FULL } }),
    };
    expect(statusRows(connection).at(-1)).toEqual({
      id: 'journal',
      label: 'Журнал звонков',
      value: 'Диск заполнен, не записано звонков: 3',
      tone: 'error',
      detail: FULL,
    });
    setLanguage('en');
    expect(statusRows(connection).at(-1)?.value).toBe('Disk full, calls not yet stored: 3');
  });

  it('shows no journal row for a helper that keeps no journal', () => {
    const rows = statusRows({ state: 'connected', status: status() });
    expect(rows.map((row) => row.id)).toEqual(['helper', 'pbx', 'database']);
  });
});
