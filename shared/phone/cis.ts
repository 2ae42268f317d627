/**
 * Phone numbers with a metadata cut holding only the countries in
 * `cut-countries.ts` (Russia, Kazakhstan and the CIS countries), generated at
 * install time by `npm run build:phone-metadata`: small enough for the content
 * script. Same API as `./index`; numbers of other countries are not recognised.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import cut from './generated/metadata.cis.json';
import { createPhoneKit } from './create-phone-kit';

// A JSON import is typed by its literal shape; the generator writes libphonenumber's format.
const kit = createPhoneKit(cut as MetadataJson);

export const { normalizePhone, normalizeDialTarget, findPhones, formatPhone } = kit;
export { InvalidE164Error, UnsupportedCountryError } from './errors';
export type * from './types';
