/**
 * Phone numbers with libphonenumber's full (`max`) metadata: every country.
 * For the helper; the content script imports `./cis` with the same API.
 */
import metadata from 'libphonenumber-js/metadata.max.json';
import { createPhoneKit } from './create-phone-kit';

const kit = createPhoneKit(metadata);

export const { normalizePhone, normalizeDialTarget, findPhones, formatPhone } = kit;
export { createPhoneKit } from './create-phone-kit';
export { InvalidE164Error, UnsupportedCountryError } from './errors';
export type * from './types';
