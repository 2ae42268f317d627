import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/** Country reported for numbers of non-geographic calling codes (`+800 …`), as in libphonenumber. */
export const NON_GEOGRAPHIC = '001';

/**
 * Countries whose metadata lists only part of the numbers in use: Kazakhstan
 * shares +7 with Russia and its fixed-line ranges are incomplete (Almaty
 * `727 1xx …` is missing), so a number of the right length counts there.
 */
const INCOMPLETE_RANGES: ReadonlySet<string> = new Set(['KZ']);

export interface ParsedDigits {
  readonly e164: string;
  readonly dbKey: string;
  readonly country: string;
  /** The digits were the national number itself: no trunk prefix, no country code. */
  readonly bareNational: boolean;
  /** In an allocated range of its country. */
  readonly valid: boolean;
  /** Of a length its country uses, and the country's ranges are known to be incomplete. */
  readonly plausible: boolean;
}

/** Reads digits as a phone: after `+` when `international`, else as written in `defaultCountry`. */
export function parseDigits(
  digits: string,
  international: boolean,
  defaultCountry: CountryCode,
  metadata: MetadataJson,
): ParsedDigits | null {
  const parsed = international
    ? parsePhoneNumberFromString(`+${digits}`, metadata)
    : parsePhoneNumberFromString(digits, defaultCountry, metadata);
  if (!parsed) return null;
  const country = parsed.country ?? NON_GEOGRAPHIC;
  const valid = parsed.isValid();
  return {
    e164: parsed.number,
    dbKey: parsed.number.slice(1),
    country,
    bareNational: !international && parsed.nationalNumber === digits,
    valid,
    plausible: !valid && INCOMPLETE_RANGES.has(country) && parsed.isPossible(),
  };
}
