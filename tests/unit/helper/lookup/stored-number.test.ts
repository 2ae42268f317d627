import { describe, expect, it } from 'vitest';
import { storedNumberToE164 } from '../../../../helper/lookup/stored-number';

describe('storedNumberToE164', () => {
  it('reads the digits-only form the database stores as international', () => {
    expect(storedNumberToE164('79031112233', 'RU')).toBe('+79031112233');
    expect(storedNumberToE164('77011234567', 'RU')).toBe('+77011234567');
    expect(storedNumberToE164('380501234567', 'RU')).toBe('+380501234567');
  });

  it('reads numbers typed into the cabinet by hand with the default country', () => {
    expect(storedNumberToE164('8 (903) 111-22-33', 'RU')).toBe('+79031112233');
    expect(storedNumberToE164('9031112233', 'RU')).toBe('+79031112233');
  });

  it('leaves out what is not a phone number', () => {
    expect(storedNumberToE164('нет', 'RU')).toBeUndefined();
    expect(storedNumberToE164('12', 'RU')).toBeUndefined();
  });
});
