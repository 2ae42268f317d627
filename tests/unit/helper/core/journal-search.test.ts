import { describe, expect, it } from 'vitest';
import type { JournalQuery } from '../../../../helper/core/helper-api';
import {
  cursorOf,
  matchesQuery,
  pageOf,
  parseSearch,
  searchDigits,
} from '../../../../helper/core/journal-reader';
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

describe('journal search by name, outcome, note or order', () => {
  const named: CallView = {
    ...call,
    identity: {
      clients: [{ code: '12', company: 'ООО «Ромашка»', contact: { code: '4', name: 'Алёна' } }],
      couriers: [],
      deliveries: [],
    },
    outcome: {
      code: 'rescheduled',
      label: 'Доставка перенесена',
      note: 'Привезти в СУББОТУ',
      order: { code: '7001', number: 'RM-7001' },
      at: 2_000,
    },
  };

  it.each(['ромашка', 'АЛЕНА', 'перенесена', 'субботу', 'rm-70'])('finds %j', (search) => {
    expect(matchesQuery(named, { id: 'q', search })).toBe(true);
  });

  it.each(['Ивановы', 'RM-8'])('does not find %j', (search) => {
    expect(matchesQuery(named, { id: 'q', search })).toBe(false);
  });

  it('reads a search written like a number as a number, anything else as text', () => {
    expect(parseSearch(' +7 (916) 123-45 ')).toEqual({ kind: 'number', digits: '791612345' });
    expect(parseSearch('Иванов 916')).toEqual({ kind: 'text', text: 'Иванов 916' });
    expect(parseSearch('   ')).toBeUndefined();
  });
});

describe('journal pages', () => {
  const at = (callId: string, startedAt: number, extension = '101'): CallView => ({
    ...call,
    callId,
    extension,
    startedAt,
  });
  const calls = [
    at('a', 5_000),
    at('b', 4_000),
    at('c', 4_000),
    at('c', 4_000, '102'),
    at('d', 3_000),
    at('e', 1_000),
  ];

  it('pages through every call once, ties in start time included', () => {
    const seen: string[] = [];
    let query: JournalQuery = { id: 'q', limit: 2 };
    for (;;) {
      const page = pageOf(calls, query);
      seen.push(...page.entries.map((c) => `${c.callId}/${c.extension}`));
      const last = page.entries.at(-1);
      if (!page.hasMore || last === undefined) break;
      query = { ...query, cursor: cursorOf(last) };
    }
    expect(seen).toEqual(['a/101', 'c/102', 'c/101', 'b/101', 'd/101', 'e/101']);
  });

  it('keeps to the date range: from inclusive, to exclusive', () => {
    const page = pageOf(calls, { id: 'q', from: 3_000, to: 5_000 });
    expect(page.entries.map((c) => c.callId)).toEqual(['c', 'c', 'b', 'd']);
  });
});
