import { describe, expect, it } from 'vitest';
import { DigitChain, readChain } from '../../../../shared/phone/scan-chains';

/** Every chain of the text: its groups' digits and the index of its `+`. */
function scanChains(text: string): Array<{ groups: string[]; plusAt: number }> {
  const chain = new DigitChain();
  const chains: Array<{ groups: string[]; plusAt: number }> = [];
  let index = 0;
  while (index < text.length) {
    if (!/\d/.test(text.charAt(index))) {
      index++;
      continue;
    }
    index = readChain(text, index, chain);
    const groups: string[] = [];
    for (let k = 0; k < chain.count; k++) groups.push(chain.digits(k, k));
    chains.push({ groups, plusAt: chain.plusAt });
  }
  return chains;
}

function chainTexts(text: string): string[][] {
  return scanChains(text).map((chain) => chain.groups);
}

describe('readChain', () => {
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
    expect(scanChains('tel:+79161234567')[0]!.plusAt).toBe(4);
    expect(scanChains('+(7) 916')[0]!.plusAt).toBe(0);
    expect(scanChains('7+916')[1]!.plusAt).toBe(1);
    expect(scanChains('79161234567')[0]!.plusAt).toBe(-1);
  });
});
