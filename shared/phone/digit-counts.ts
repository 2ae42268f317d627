import { Metadata, getCountryCallingCode } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/**
 * Longer writings without `+` are ids (ОГРН, tracks, barcodes); the 14-digit
 * Russian plan entries are `8 10 8…` international freephone, not written in
 * cabinets.
 */
const MAX_NATIONAL_WRITING = 13;

/**
 * Digit counts a number written without `+` can have in `country`: a national
 * number, or one led by a one-digit trunk prefix (`8`) or by the calling code
 * (`7`), as a bit set (bit n for n digits). Candidates of other lengths are
 * never parsed, which keeps long runs of grouped digits cheap.
 */
export function nationalDigitCounts(country: CountryCode, metadata: MetadataJson): number {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(country);
  const lengths = plan.numberingPlan?.possibleLengths() ?? [];
  const callingCodeLength = getCountryCallingCode(country, metadata).length;
  let counts = 0;
  for (const length of lengths) {
    for (const count of [length, length + 1, length + callingCodeLength]) {
      if (count <= MAX_NATIONAL_WRITING) counts |= 1 << count;
    }
  }
  return counts;
}
