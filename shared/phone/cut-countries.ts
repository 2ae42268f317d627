import type { CountryCode } from 'libphonenumber-js/core';

/**
 * Countries kept in the metadata cut the content script ships with
 * (`shared/phone/ru-kz.ts`). Changing this list and running
 * `npm run build:phone-metadata` is all it takes; the main country of each
 * calling code is added automatically because the others borrow its formats.
 */
export const CONTENT_SCRIPT_COUNTRIES: readonly CountryCode[] = ['RU', 'KZ'];
