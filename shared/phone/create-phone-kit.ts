import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { CIS_COUNTRIES } from './cut-countries';
import { nationalDigitCounts } from './digit-counts';
import { UnsupportedCountryError } from './errors';
import { findPhonesWith, type FindSettings } from './find-phones';
import { formatPhoneWith } from './format-phone';
import { normalizeDialTargetWith, normalizePhoneWith } from './normalize-phone';
import { createDigitParser } from './parse-digits';
import type { PhoneKit, PhoneOptions } from './types';

const DEFAULT_COUNTRY: CountryCode = 'RU';

/** The phone API over one metadata set; the entry points differ only in the metadata they pass. */
export function createPhoneKit(metadata: MetadataJson): PhoneKit {
  const findSettings = new Map<CountryCode, FindSettings>();
  const parseDigits = createDigitParser(metadata);

  function countryOf(options: PhoneOptions | undefined): CountryCode {
    const country = options?.defaultCountry ?? DEFAULT_COUNTRY;
    if (!isSupportedCountry(country, metadata)) throw new UnsupportedCountryError(country);
    return country;
  }

  function findSettingsFor(country: CountryCode): FindSettings {
    let settings = findSettings.get(country);
    if (!settings) {
      const home = getCountryCallingCode(country, metadata);
      const plusOnly = CIS_COUNTRIES.filter((cis) => isSupportedCountry(cis, metadata))
        .map((cis) => getCountryCallingCode(cis, metadata))
        .filter((code) => code !== home)
        .map(Number);
      settings = {
        country,
        nationalCounts: nationalDigitCounts(country, metadata),
        parseDigits,
        plusOnlyCallingCodes: new Set(plusOnly),
      };
      findSettings.set(country, settings);
    }
    return settings;
  }

  return {
    normalizePhone: (input, options) => normalizePhoneWith(input, countryOf(options), parseDigits),
    normalizeDialTarget: (input, options) =>
      normalizeDialTargetWith(input, countryOf(options), parseDigits),
    findPhones: (text, options) => findPhonesWith(text, findSettingsFor(countryOf(options))),
    formatPhone: (e164, style = 'international') => formatPhoneWith(e164, style, metadata),
  };
}
