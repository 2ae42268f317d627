import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import { InvalidE164Error } from './errors';
import type { PhoneFormatStyle } from './types';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Calling codes shown internationally with their domestic grouping: operators
 * read `+7 916 123-45-67`, not libphonenumber's `+7 916 123 45 67`.
 */
const DOMESTIC_GROUPING: ReadonlySet<string> = new Set(['7']);

/** Display form of an E.164 number; a number the metadata does not cover is shown as it is. */
export function formatPhoneWith(
  e164: string,
  style: PhoneFormatStyle,
  metadata: MetadataJson,
): string {
  if (!E164.test(e164)) throw new InvalidE164Error(e164);
  const parsed = parsePhoneNumberFromString(e164, metadata);
  if (!parsed) return e164;
  switch (style) {
    case 'e164':
      return parsed.number;
    case 'national':
      return parsed.formatNational();
    case 'international':
      return DOMESTIC_GROUPING.has(parsed.countryCallingCode)
        ? `+${parsed.countryCallingCode} ${parsed.formatNational({ nationalPrefix: false })}`
        : parsed.formatInternational();
  }
}
