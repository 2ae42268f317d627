import { describe, expect, it } from 'vitest';
import {
  hasUnitAfter,
  isGluedAfter,
  isGluedBefore,
  leftContext,
} from '../../../../shared/phone/text-context';

/** `|` marks the position under test; it is removed before the call. */
function at(marked: string): [string, number] {
  const index = marked.indexOf('|');
  return [marked.slice(0, index) + marked.slice(index + 1), index];
}

describe('leftContext', () => {
  it.each([
    ['ИНН |7707083893', 'identifier'],
    ['ИНН/КПП 7707083893/|770701001', 'identifier'],
    ['Номер заказа: |123', 'identifier'],
    ['Трек-номер |123', 'identifier'],
    ['ИНН организации получателя: |123', 'identifier'],
    ['№ |123', 'identifier'],
    ['Тел.: |123', 'phone'],
    ['телефон заказчика |123', 'phone'],
    ['тел/факс |123', 'phone'],
    ['Иванов, |123', 'neutral'],
    ['Заказ 12345 |7916', 'neutral'],
    ['Заказ 12345, |7916', 'neutral'],
    ['Заказы 4951234567, |4951234568', 'identifier'],
    ['ИНН 7707083893 и |7707083894', 'identifier'],
    ['|123', 'neutral'],
  ])('%j → %s', (marked, expected) => {
    expect(leftContext(...at(marked))).toBe(expected);
  });
});

describe('glue', () => {
  it.each([
    ['abc|123', true],
    ['id_|123', true],
    ['10:|30', true],
    ['ID-|123', true],
    ['р/|123', true],
    ['tel:|123', false],
    ['Тел.|123', false],
    ['(|123', false],
    ['1, |123', false],
  ])('before %j → %s', (marked, expected) => {
    expect(isGluedBefore(...at(marked))).toBe(expected);
  });

  it.each([
    ['123|abc', true],
    ['123|.pdf', true],
    ['123|,5 кг', true],
    ['123|%', true],
    ['123|:30', true],
    ['123|, 79161234568', false],
    ['123|,79161234568', false],
    ['123|.', false],
    ['123|)', false],
  ])('after %j → %s', (marked, expected) => {
    expect(isGluedAfter(...at(marked))).toBe(expected);
  });
});

describe('hasUnitAfter', () => {
  it.each([
    ['123| руб.', true],
    ['123| ₽', true],
    ['123|₽', true],
    ['123| рублей', true],
    ['123| кг', true],
    ['123| шт', true],
    ['123| Иванов', false],
    ['123| г. Москва', false],
    ['123|', false],
  ])('%j → %s', (marked, expected) => {
    expect(hasUnitAfter(...at(marked))).toBe(expected);
  });
});
