import type { CountryCode } from 'libphonenumber-js/core';

/**
 * CIS countries whose numbers cabinets write with `+` (`+375 29 123-45-67`):
 * Belarus, Uzbekistan, Kyrgyzstan, Armenia, Azerbaijan, Georgia, Tajikistan
 * and Moldova. Written without `+`, their numbers are not taken, not even as
 * Russian ones (`998 90 123 45 67` is not `+7 998 901-23-45`).
 */
export const CIS_COUNTRIES: readonly CountryCode[] = [
  'BY',
  'UZ',
  'KG',
  'AM',
  'AZ',
  'GE',
  'TJ',
  'MD',
];

/**
 * Countries kept in the metadata cut the content script ships with
 * (`shared/phone/cis.ts`): Russia and Kazakhstan, whose numbers are also read
 * without `+`, and the CIS countries. Changing this list and running
 * `npm run build:phone-metadata` is all it takes; the main country of each
 * calling code is added automatically because the others borrow its formats.
 */
export const CONTENT_SCRIPT_COUNTRIES: readonly CountryCode[] = ['RU', 'KZ', ...CIS_COUNTRIES];
