import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/** A country the source metadata does not describe. */
export class UnknownCutCountryError extends Error {
  override readonly name = 'UnknownCutCountryError';
  constructor(readonly country: string) {
    super(
      `libphonenumber-js metadata has no country "${country}": fix CONTENT_SCRIPT_COUNTRIES ` +
        `in shared/phone/cut-countries.ts (ISO 3166 codes such as RU, KZ).`,
    );
  }
}

/**
 * Keeps only `countries` of libphonenumber metadata, plus the main country of
 * each of their calling codes (the others of a shared code, like KZ under +7,
 * borrow its formats). Non-geographic numbering plans are dropped.
 */
export function cutMetadata(source: MetadataJson, countries: readonly CountryCode[]): MetadataJson {
  const kept = new Set<CountryCode>();
  const callingCodes = new Set<string>();
  for (const country of countries) {
    if (!source.countries[country]) throw new UnknownCutCountryError(country);
    kept.add(country);
    const callingCode = Object.keys(source.country_calling_codes).find((code) =>
      source.country_calling_codes[code]!.includes(country),
    );
    if (callingCode === undefined) throw new UnknownCutCountryError(country);
    callingCodes.add(callingCode);
    kept.add(source.country_calling_codes[callingCode]![0]!);
  }

  const countryCallingCodes: MetadataJson['country_calling_codes'] = {};
  for (const code of callingCodes) {
    countryCallingCodes[code] = source.country_calling_codes[code]!.filter((country) =>
      kept.has(country),
    );
  }
  const plans: MetadataJson['countries'] = {};
  for (const country of kept) plans[country] = source.countries[country];

  return {
    version: source.version,
    country_calling_codes: countryCallingCodes,
    countries: plans,
    nonGeographic: {},
  };
}
