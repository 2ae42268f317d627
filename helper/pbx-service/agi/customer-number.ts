import { normalizePhone } from '../../../shared/phone';
import type { CountryCode } from '../../../shared/phone';

export interface CustomerNumber {
  /** `+79161234567` */
  readonly e164: string;
  /** `79161234567`, as the database stores it. */
  readonly dbKey: string;
}

/** A number from the PBX (caller ID, dialled digits) normalized, or undefined. */
export function customerNumber(
  raw: string | undefined,
  defaultCountry: string,
): CustomerNumber | undefined {
  if (raw === undefined) return undefined;
  const phone = normalizePhone(raw, { defaultCountry: defaultCountry as CountryCode });
  return phone === null ? undefined : { e164: phone.e164, dbKey: phone.dbKey };
}
