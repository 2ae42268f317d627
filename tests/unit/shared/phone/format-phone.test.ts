import { describe, expect, it } from 'vitest';
import { InvalidE164Error } from '../../../../shared/phone/errors';
import type { PhoneFormatStyle } from '../../../../shared/phone/types';
import { cut, entryPoints, full } from '../../../support/shared/phone/entry-points';

const formats: ReadonlyArray<readonly [e164: string, style: PhoneFormatStyle, shown: string]> = [
  ['+79161234567', 'international', '+7 916 123-45-67'],
  ['+79161234567', 'national', '8 (916) 123-45-67'],
  ['+79161234567', 'e164', '+79161234567'],
  ['+78005553535', 'international', '+7 800 555-35-35'],
  ['+74951234567', 'national', '8 (495) 123-45-67'],
  ['+77011234567', 'international', '+7 701 123 4567'],
];

describe.each(entryPoints)('formatPhone, %s', (_name, kit) => {
  it.each(formats)('%s as %s → %s', (e164, style, shown) => {
    expect(kit.formatPhone(e164, style)).toBe(shown);
  });

  it('formats internationally by default', () => {
    expect(kit.formatPhone('+79161234567')).toBe('+7 916 123-45-67');
  });

  it.each(['79161234567', '8 (916) 123-45-67', '+7916', ''])('refuses %j', (input) => {
    expect(() => kit.formatPhone(input)).toThrow(InvalidE164Error);
  });
});

describe('formatPhone beyond Russia and Kazakhstan', () => {
  it('uses international grouping with the full metadata', () => {
    expect(full.formatPhone('+442079460958')).toBe('+44 20 7946 0958');
    expect(full.formatPhone('+375291234567', 'national')).toBe('8 029 123-45-67');
  });

  it('formats CIS numbers with the cut as with the full metadata', () => {
    for (const e164 of ['+375291234567', '+998711234567', '+995322123456', '+37369123456']) {
      expect(cut.formatPhone(e164)).toBe(full.formatPhone(e164));
    }
    expect(cut.formatPhone('+375291234567')).toBe('+375 29 123 45 67');
  });

  it('shows the number unchanged where the cut has no metadata', () => {
    expect(cut.formatPhone('+442079460958')).toBe('+442079460958');
  });
});
