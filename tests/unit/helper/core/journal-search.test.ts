import { describe, expect, it } from 'vitest';
import { matchesQuery, searchDigits } from '../../../../helper/core/journal-reader';
import type { CallView } from '../../../../shared/protocol';

const call = {
  callId: '1',
  extension: '101',
  direction: 'in',
  state: 'ended',
  remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
  origin: 'pbx',
  identity: { clients: [], couriers: [], deliveries: [] },
  lookup: 'done',
  startedAt: 1_000,
} satisfies CallView;

describe('journal search by number in any writing', () => {
  it.each([
    '8 (916) 123-45-67',
    '+7 916 123 45 67',
    '79161234567',
    '8 916 123',
    '916 123',
    '123-45-67',
    '+7916',
  ])('finds the stored number from %j', (search) => {
    expect(matchesQuery(call, { id: 'q', search })).toBe(true);
  });

  it.each(['8 916 124', '495', '7 926'])('does not find it from %j', (search) => {
    expect(matchesQuery(call, { id: 'q', search })).toBe(false);
  });

  it('turns the trunk prefix into the country code only for number-like searches', () => {
    expect(searchDigits('8 916 123')).toBe('7916123');
    expect(searchDigits('89')).toBe('89');
    expect(searchDigits('Иванов')).toBe('');
  });
});
