import { isSupportedCountry } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { nationalDigitCounts } from './digit-counts';
import { UnsupportedCountryError } from './errors';
import { findPhonesWith } from './find-phones';
import { formatPhoneWith } from './format-phone';
import { normalizeDialTargetWith, normalizePhoneWith } from './normalize-phone';
import { createDigitParser } from './parse-digits';
import type { PhoneKit, PhoneOptions } from './types';

const DEFAULT_COUNTRY: CountryCode = 'RU';

/** The phone API over one metadata set; the entry points differ only in the metadata they pass. */
export function createPhoneKit(metadata: MetadataJson): PhoneKit {
  const countsByCountry = new Map<CountryCode, number>();
  const parseDigits = createDigitParser(metadata);

  function countryOf(options: PhoneOptions | undefined): CountryCode {
    const country = options?.defaultCountry ?? DEFAULT_COUNTRY;
    if (!isSupportedCountry(country, metadata)) throw new UnsupportedCountryError(country);
    return country;
  }

  function countsFor(country: CountryCode): number {
    let counts = countsByCountry.get(country);
    if (counts === undefined) {
      counts = nationalDigitCounts(country, metadata);
      countsByCountry.set(country, counts);
    }
    return counts;
  }

  return {
    normalizePhone: (input, options) => normalizePhoneWith(input, countryOf(options), parseDigits),
    normalizeDialTarget: (input, options) =>
      normalizeDialTargetWith(input, countryOf(options), parseDigits),
    findPhones: (text, options) => {
      const country = countryOf(options);
      return findPhonesWith(text, { country, nationalCounts: countsFor(country), parseDigits });
    },
    formatPhone: (e164, style = 'international') => formatPhoneWith(e164, style, metadata),
  };
}
