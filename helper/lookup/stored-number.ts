import { normalizePhone } from '../../shared/phone';
import type { CountryCode } from '../../shared/phone';

/**
 * A number as the database stores it (E.164 digits, `79161234567`) or as a
 * person typed it into the cabinet (`8 916 ...`) → `+E.164`, or undefined.
 */
export function storedNumberToE164(raw: string, defaultCountry: string): string | undefined {
  const trimmed = raw.trim();
  const options = { defaultCountry: defaultCountry as CountryCode };
  if (/^\d{8,15}$/.test(trimmed)) {
    const international = normalizePhone(`+${trimmed}`, options);
    if (international) return international.e164;
  }
  return normalizePhone(trimmed, options)?.e164;
}
