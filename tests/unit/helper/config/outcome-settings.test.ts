import { afterEach, describe, expect, it } from 'vitest';
import { setCliLanguage } from '../../../../helper/core/cli-text';
import '../../../../helper/config/russian';
import {
  createLinksFor,
  createLinkTemplates,
  outcomeChoices,
} from '../../../../helper/config/outcome-settings';
import { validateConfig } from '../../../../helper/config/validate';
import {
  minimalConfig,
  problemAt,
  problemsOf,
} from '../../../support/helper/config/config-problems';

afterEach(() => setCliLanguage('en'));

describe('[outcomes] list', () => {
  it('defaults to four outcomes in Russian with English labels', () => {
    const result = validateConfig(minimalConfig());
    if (!result.ok) throw new Error('expected the minimal configuration to load');
    expect(outcomeChoices(result.values.outcomes.list)).toEqual([
      { code: 'rescheduled', label: 'Доставка перенесена', en: 'Delivery rescheduled' },
      { code: 'address-confirmed', label: 'Адрес уточнён', en: 'Address confirmed' },
      { code: 'order-refused', label: 'Отказ от заказа', en: 'Order refused' },
      { code: 'not-reached', label: 'Не дозвонились', en: 'Could not reach' },
    ]);
    expect(result.values.outcomes.afterCallMinutes).toBe(5);
  });

  it('takes a label in one language only, spaces around the parts trimmed', () => {
    expect(outcomeChoices(['  callback =  Перезвонить позже  '])).toEqual([
      { code: 'callback', label: 'Перезвонить позже' },
    ]);
  });

  it.each([
    ['Доставка перенесена', 'item 1 has no "=" between the code and the label'],
    [
      'Перенос = Доставка перенесена',
      'item 1 has the code "Перенос": use lowercase letters, digits, "-" and "_", up to 32',
    ],
    ['moved = ', 'item 1 has an empty label'],
    ['moved = a | b | c', 'item 1 has more than two labels'],
    ['moved = Перенос | ', 'item 1 has an empty label'],
  ])('refuses %j, saying %j', (item, message) => {
    const problem = problemAt(problemsOf({ outcomes: { list: [item] } }), 'outcomes.list');
    expect(problem.message).toBe(message);
    expect(problem.fix).toContain('"code = Label | English label"');
  });

  it('refuses a code given twice', () => {
    const problem = problemAt(
      problemsOf({ outcomes: { list: ['moved = Перенос', 'moved = Снова'] } }),
      'outcomes.list',
    );
    expect(problem.message).toBe('item 2 repeats the code "moved"');
  });

  it('says what is wrong and how to write it in Russian when the system speaks Russian', () => {
    setCliLanguage('ru');
    const problem = problemAt(
      problemsOf({ outcomes: { list: ['moved = Перенос', 'moved = Снова'] } }),
      'outcomes.list',
    );
    expect(problem.message).toBe('элемент 2 повторяет код "moved"');
    expect(problem.fix).toBe('дайте каждому итогу свой код');
    const link = problemAt(
      problemsOf({ links: { create: ['Новый заказ = https://cabinet.example.com/new'] } }),
      'links.create',
    );
    expect(link.message).toBe(
      'элемент 1 не содержит {e164}, {digits} или {national} там, где должен быть номер',
    );
    expect(link.fix).toMatch(
      /^запишите каждый элемент links\.create в виде "Label \| English label = /,
    );
  });

  it('refuses a window longer than a day', () => {
    const problem = problemAt(
      problemsOf({ outcomes: { afterCallMinutes: 2000 } }),
      'outcomes.afterCallMinutes',
    );
    expect(problem.message).toBe('must be a whole number from 0 to 1440, got 2000');
  });
});

describe('links.create', () => {
  const NEW_ORDER = 'Новый заказ | New order = https://cab.example/orders/new?phone={digits}';

  it('fills the number into each link in the form the address asks for', () => {
    const templates = createLinkTemplates([
      NEW_ORDER,
      'Новый клиент = https://cab.example/clients/new?tel={e164}&n={national}',
    ]);
    expect(createLinksFor(templates, '+79161234567')).toEqual([
      {
        label: 'Новый заказ',
        en: 'New order',
        url: 'https://cab.example/orders/new?phone=79161234567',
      },
      {
        label: 'Новый клиент',
        url: 'https://cab.example/clients/new?tel=%2B79161234567&n=89161234567',
      },
    ]);
  });

  it('offers no link without a number to fill in', () => {
    expect(createLinksFor(createLinkTemplates([NEW_ORDER]), undefined)).toEqual([]);
  });

  it.each([
    ['Новый заказ https://cab.example/new?p={digits}', 'has no "=" between the label and'],
    ['Новый заказ = javascript:alert({digits})', 'is not a web address'],
    ['Новый заказ = https://cab.example/orders/new', 'has no {e164}, {digits} or {national}'],
    [' = https://cab.example/new?p={digits}', 'has an empty label'],
  ])('refuses %j', (item, message) => {
    const problem = problemAt(problemsOf({ links: { create: [item] } }), 'links.create');
    expect(problem.message).toContain(message);
    expect(problem.fix).toContain('"Label | English label = address with {e164}');
  });
});
