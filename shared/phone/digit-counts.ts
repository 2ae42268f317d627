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
 * (`7`). Candidates of other lengths never reach libphonenumber, which keeps
 * long runs of grouped digits cheap.
 */
export function nationalDigitCounts(
  country: CountryCode,
  metadata: MetadataJson,
): ReadonlySet<number> {
  const plan = new Metadata(metadata);
  plan.selectNumberingPlan(country);
  const lengths = plan.numberingPlan?.possibleLengths() ?? [];
  const callingCodeLength = getCountryCallingCode(country, metadata).length;
  const counts = new Set<number>();
  for (const length of lengths) {
    counts.add(length);
    counts.add(length + 1);
    counts.add(length + callingCodeLength);
  }
  for (const count of counts) if (count > MAX_NATIONAL_WRITING) counts.delete(count);
  return counts;
}
