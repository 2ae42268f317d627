import { describe, expect, it } from 'vitest';
import { scanDigitChains } from '../../../../shared/phone/scan-chains';

function chainTexts(text: string): string[][] {
  return scanDigitChains(text).map((chain) =>
    chain.groups.map((group) => text.slice(group.start, group.end)),
  );
}

describe('scanDigitChains', () => {
  it.each([
    ['8 (916) 123-45-67', [['8', '916', '123', '45', '67']]],
    ['+7(495)123.45.67', [['7', '495', '123', '45', '67']]],
    ['79161234567, 79161234568', [['79161234567'], ['79161234568']]],
    ['79161234567 / 79161234568', [['79161234567'], ['79161234568']]],
    ['12 - 34', [['12'], ['34']]],
    ['12. 34', [['12'], ['34']]],
    ['12:30', [['12'], ['30']]],
    ['12–34', [['12'], ['34']]],
    ['1  2', [['1', '2']]],
    ['1   2', [['1'], ['2']]],
    ['no digits here', []],
  ])('%j → %j', (text, expected) => {
    expect(chainTexts(text)).toEqual(expected);
  });

  it('marks a + before the first group or its bracket', () => {
    expect(scanDigitChains('tel:+79161234567')[0]!.plusAt).toBe(4);
    expect(scanDigitChains('+(7) 916')[0]!.plusAt).toBe(0);
    expect(scanDigitChains('7+916')[1]!.plusAt).toBe(1);
    expect(scanDigitChains('79161234567')[0]!.plusAt).toBe(-1);
  });
});
