// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransferState } from '../../../../../shared/protocol';
import { setLanguage } from '../../../../../extension/lib/i18n/core';
import { TransferNote } from '../../../../../extension/ui/popup/transfer-note';
import { call } from '../../../../support/extension/samples';

function note(transfer: TransferState | undefined): string {
  const root = document.createElement('div');
  render(<TransferNote call={call({ state: 'ended', ...(transfer ? { transfer } : {}) })} />, root);
  return root.textContent ?? '';
}

const base: TransferState = { target: 'manager', mode: 'blind', to: '103', ok: true, at: 1 };

describe("a journal row's transfer", () => {
  beforeEach(() => setLanguage('ru'));
  afterEach(() => setLanguage('en'));

  it('says where the call went, and how', () => {
    expect(note(base)).toBe('Переведён на 103');
    expect(note({ ...base, mode: 'attended', to: '+79031112233' })).toBe(
      'Переведён на +7 903 111-22-33 после разговора',
    );
    expect(note({ ...base, ok: false, reason: 'cancelled' })).toBe('Перевод на 103 отменён');
    expect(note({ ...base, ok: false, reason: 'target-busy' })).toBe('Перевод на 103 не удался');
    setLanguage('en');
    expect(note({ ...base, mode: 'attended' })).toBe('Transferred to 103 after talking first');
  });

  it('says nothing without a transfer to someone', () => {
    expect(note(undefined)).toBe('');
    expect(note({ ...base, to: '', ok: false, reason: 'invalid-number' })).toBe('');
  });
});
