import type { PartyNumber } from '../../../shared/protocol';
import { normalizePhone, UnsupportedCountryError } from '../../../shared/phone';
import type { CountryCode } from '../../../shared/phone/types';
import { CallsConfigError } from './errors';
import { isInternalNumber } from './number-kind';

/** PartyNumber.raw is bounded by the protocol. */
const MAX_RAW_LENGTH = 64;

/**
 * Turns what the PBX reported (a caller ID, dialled digits) into the protocol's
 * PartyNumber. Internal extensions keep only `raw`: they are not looked up in the
 * courier database, whose keys are full international numbers.
 */
export function partyNumberFactory(
  defaultCountry: CountryCode = 'RU',
): (raw: string) => PartyNumber {
  assertCountry(defaultCountry);
  return (value) => {
    const raw = value.trim().slice(0, MAX_RAW_LENGTH);
    if (raw.length === 0 || isInternalNumber(raw)) return { raw };
    const phone = normalizePhone(raw, { defaultCountry });
    return phone === null ? { raw } : { raw, e164: phone.e164, dbKey: phone.dbKey };
  };
}

/** Refuses a country the phone metadata lacks now, rather than on every call. */
export function assertCountry(country: CountryCode): void {
  try {
    normalizePhone('0', { defaultCountry: country });
  } catch (error) {
    if (error instanceof UnsupportedCountryError) {
      throw new CallsConfigError(
        'defaultCountry',
        `"${country}" is not a country code the phone library knows; use an ISO 3166 code such as RU or KZ`,
      );
    }
    throw error;
  }
}
