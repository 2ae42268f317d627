import { describe, expect, it } from 'vitest';
import { UnsupportedCountryError } from '../../../../shared/phone/errors';
import type { NormalizedPhone } from '../../../../shared/phone/types';
import { cut, entryPoints, full } from '../../../support/shared/phone/entry-points';

const MOBILE: NormalizedPhone = { e164: '+79161234567', dbKey: '79161234567', country: 'RU' };
const KZ_MOBILE: NormalizedPhone = { e164: '+77011234567', dbKey: '77011234567', country: 'KZ' };

const normalized: ReadonlyArray<readonly [input: string, expected: NormalizedPhone]> = [
  ['8 (916) 123-45-67', MOBILE],
  ['+7 916 123 45 67', MOBILE],
  ['79161234567', MOBILE],
  ['89161234567', MOBILE],
  ['9161234567', MOBILE],
  ['+79161234567', MOBILE],
  ['8.916.123.45.67', MOBILE],
  [' 89161234567\r\n', MOBILE],
  ['tel:+79161234567', MOBILE],
  ['tel:+79161234567;ext=123', { ...MOBILE, ext: '123' }],
  ['+7 (916) 123-45-67 доб. 123', { ...MOBILE, ext: '123' }],
  ['8 916 123-45-67, доб 4', { ...MOBILE, ext: '4' }],
  ['8 916 123-45-67 ext. 12', { ...MOBILE, ext: '12' }],
  ['8 800 555 35 35', { e164: '+78005553535', dbKey: '78005553535', country: 'RU' }],
  ['8 (8452) 12-34-56', { e164: '+78452123456', dbKey: '78452123456', country: 'RU' }],
  ['+7 701 123 4567', KZ_MOBILE],
  ['87011234567', KZ_MOBILE],
  ['7011234567', KZ_MOBILE],
  ['8 (727) 123-45-67', { e164: '+77271234567', dbKey: '77271234567', country: 'KZ' }],
];

const rejected: readonly string[] = [
  '',
  '   ',
  '101',
  '123-45-67',
  'abc',
  '7916123456a',
  '+7 916 123 45 67\nAction: Originate',
  '89161234567\r\nAction: Hangup',
  '8 916 123 45 67; Hangup',
  '+7 123 456 78 90',
  '79161234567 89161234568',
  '++79161234567',
  '7+9161234567',
  '8 (916) 123-45-67 доб. abc',
  'tel:+79161234567;ext=12 доб. 3',
  'ИНН 7707083893',
  '9'.repeat(100),
];

describe.each(entryPoints)('normalizePhone, %s', (_name, kit) => {
  it.each(normalized)('reads %j', (input, expected) => {
    expect(kit.normalizePhone(input)).toEqual(expected);
  });

  it.each(rejected)('refuses %j', (input) => {
    expect(kit.normalizePhone(input)).toBeNull();
  });

  it('reads national numbers of the default country', () => {
    expect(kit.normalizePhone('8 (727) 234-56-78', { defaultCountry: 'KZ' })).toEqual({
      e164: '+77272345678',
      dbKey: '77272345678',
      country: 'KZ',
    });
  });
});

describe('normalizePhone beyond Russia and Kazakhstan', () => {
  const belarus: NormalizedPhone = { e164: '+375291234567', dbKey: '375291234567', country: 'BY' };

  it('reads other countries with the full metadata', () => {
    expect(full.normalizePhone('+375 29 123-45-67')).toEqual(belarus);
    expect(full.normalizePhone('8 029 123-45-67', { defaultCountry: 'BY' })).toEqual(belarus);
    expect(full.normalizePhone('810 375 29 123 45 67')).toEqual(belarus);
    expect(full.normalizePhone('0044 20 7946 0958')).toEqual({
      e164: '+442079460958',
      dbKey: '442079460958',
      country: 'GB',
    });
    expect(full.normalizePhone('+800 1234 5678')).toEqual({
      e164: '+80012345678',
      dbKey: '80012345678',
      country: '001',
    });
  });

  it('reads the CIS countries with the RU+KZ+CIS cut too', () => {
    expect(cut.normalizePhone('+375 29 123-45-67')).toEqual(belarus);
    expect(cut.normalizePhone('8 029 123-45-67', { defaultCountry: 'BY' })).toEqual(belarus);
    expect(cut.normalizePhone('+998 (71) 123-45-67')).toEqual({
      e164: '+998711234567',
      dbKey: '998711234567',
      country: 'UZ',
    });
  });

  it('returns null for other countries in the RU+KZ+CIS cut', () => {
    expect(cut.normalizePhone('+44 20 7946 0958')).toBeNull();
  });

  it('names the fix when the cut lacks the default country', () => {
    expect(() => cut.normalizePhone('020 7946 0958', { defaultCountry: 'GB' })).toThrow(
      UnsupportedCountryError,
    );
    expect(() => cut.findPhones('020 7946 0958', { defaultCountry: 'GB' })).toThrow(
      /import the full build/,
    );
  });
});
