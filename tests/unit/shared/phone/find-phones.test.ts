import { describe, expect, it } from 'vitest';
import { CIS_COUNTRIES } from '../../../../shared/phone/cut-countries';
import type { FoundPhone } from '../../../../shared/phone/types';
import { entryPoints, full, cut } from '../../../support/shared/phone/entry-points';
import {
  cisCases,
  foreignCases,
  multipleNumberCases,
  nearMissCases,
  singleNumberCases,
  type ExpectedPhone,
} from '../../../support/shared/phone/find-phones.cases';

function essentials(text: string, found: FoundPhone[]): ExpectedPhone[] {
  return found.map((phone) => {
    expect(text.slice(phone.start, phone.end)).toBe(phone.text);
    expect(phone.dbKey).toBe(phone.e164.slice(1));
    const { e164, country, ext } = phone;
    return ext === undefined
      ? { text: phone.text, e164, country }
      : { text: phone.text, e164, country, ext };
  });
}

describe('case tables', () => {
  it('hold at least 100 cases, 40 of them near misses, in every category', () => {
    const total =
      singleNumberCases.length +
      cisCases.length +
      foreignCases.length +
      multipleNumberCases.length +
      nearMissCases.length;
    expect(total).toBeGreaterThanOrEqual(100);
    expect(nearMissCases.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(nearMissCases.map((c) => c.category));
    for (const category of [
      'tax id',
      'bank',
      'barcode',
      'track',
      'order',
      'waybill',
      'shipment',
      'date',
      'time',
      'price',
      'weight',
      'passport',
      'snils',
      'postal code',
      'ip address',
      'coordinates',
      'card',
      'glued letters',
      'glued digits',
      'CIS too short',
      'CIS without plus',
    ]) {
      expect(categories).toContain(category);
    }
  });

  it('hold a mobile and a fixed-line writing of every CIS country', () => {
    for (const country of CIS_COUNTRIES) {
      const found = cisCases.flatMap((c) => c.found).filter((phone) => phone.country === country);
      expect(found.length, country).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.each(entryPoints)('findPhones, %s', (_name, kit) => {
  it.each(singleNumberCases)('finds $name: $text', ({ text, found }) => {
    expect(essentials(text, kit.findPhones(text))).toEqual(found);
  });

  it.each(cisCases)('finds the CIS number $name', ({ text, found }) => {
    expect(essentials(text, kit.findPhones(text))).toEqual(found);
  });

  it.each(multipleNumberCases)('finds every number: $name', ({ text, found }) => {
    expect(essentials(text, kit.findPhones(text))).toEqual(found);
  });

  it.each(nearMissCases)('takes nothing from $category: $text', ({ text }) => {
    expect(kit.findPhones(text)).toEqual([]);
  });

  it('finds numbers inside longer prose at the right offsets', () => {
    const prefix = 'Курьер Петров, заказ 12345, ИНН 7707083893.\nПолучатель: ';
    const text = `${prefix}8 (916) 123-45-67, офис +7 (495) 123-45-67 доб. 2\n`;
    const found = kit.findPhones(text);
    expect(found.map((phone) => phone.start)).toEqual([prefix.length, text.indexOf('+7 (495)')]);
    expect(found.map((phone) => phone.ext)).toEqual([undefined, '2']);
  });

  it('reads bare national numbers in the default country', () => {
    expect(kit.findPhones('7011234567', { defaultCountry: 'KZ' })).toMatchObject([
      { e164: '+77011234567', country: 'KZ' },
    ]);
    expect(kit.findPhones('9161234567', { defaultCountry: 'KZ' })).toEqual([]);
  });

  it('takes no CIS number written without + for a Kazakh one either', () => {
    expect(kit.findPhones('998 90 123 45 67', { defaultCountry: 'KZ' })).toEqual([]);
    expect(kit.findPhones('375291234567', { defaultCountry: 'KZ' })).toEqual([]);
  });
});

describe('findPhones on other countries', () => {
  it.each(foreignCases)('full build finds $name', ({ text, found }) => {
    expect(essentials(text, full.findPhones(text))).toEqual(found);
  });

  it.each(foreignCases)('RU+KZ+CIS cut leaves $name alone', ({ text }) => {
    expect(cut.findPhones(text)).toEqual([]);
  });
});
