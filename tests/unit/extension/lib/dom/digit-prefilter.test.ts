import { describe, expect, it } from 'vitest';
import { mayContainPhone } from '../../../../../extension/lib/dom/digit-prefilter';
import { findPhones } from '../../../../../shared/phone/cis';

const PHONES = [
  '8 (916) 123-45-67',
  '+7 916 123 45 67',
  '79161234567',
  '8-800-555-35-35',
  '(495) 123-45-67',
  '+7(925)1112233',
  '8 (7172) 55-66-77',
  'тел. 8\u00a0916\u00a0123\u201145\u201167',
  '+7 (916) 123 4567',
  '8.916.123.45.67',
  'Тел.: 8(495)1234567, доб. 204',
];

const NOT_EVEN_CANDIDATES = [
  '24.11.2025, 10:00–14:00',
  '12:00–16:00',
  'Итого 1 500 ₽',
  'RM-000101',
  'д. 7, кв. 12, 125009',
  'доб. 101, 102',
];

describe('digit prefilter', () => {
  it('lets through every writing the phone finder matches', () => {
    for (const text of PHONES) {
      expect(findPhones(text).length, text).toBeGreaterThan(0);
      expect(mayContainPhone(text), text).toBe(true);
    }
  });

  it('keeps the finder off dates, times, sums and short numbers', () => {
    for (const text of NOT_EVEN_CANDIDATES) expect(mayContainPhone(text), text).toBe(false);
  });

  it('never rejects a text in which the finder would find a phone (generated writings)', () => {
    const separators = [' ', '-', '', '\u00a0', ') ', ' (', '.', '  '];
    let checked = 0;
    for (let seed = 0; seed < 400; seed++) {
      const digits = `9${String(100_000_000 + seed * 7_919_371).slice(-9)}`;
      const sep = (k: number) => separators[(seed + k) % separators.length]!;
      const text = `Клиент ${seed}: 8${sep(0)}${digits.slice(0, 3)}${sep(1)}${digits.slice(3, 6)}${sep(2)}${digits.slice(6, 8)}${sep(3)}${digits.slice(8)} (моб.)`;
      if (findPhones(text).length > 0) {
        checked++;
        expect(mayContainPhone(text), text).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
