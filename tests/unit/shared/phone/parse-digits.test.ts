import { parsePhoneNumberFromString } from 'libphonenumber-js/core';
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../../../../harness/courier-db/prng';
import { createDigitParser, type ParsedDigits } from '../../../../shared/phone/parse-digits';
import cut from '../../../../shared/phone/generated/metadata.cis.json';

/** What libphonenumber itself says about the digits: the reading createDigitParser must reproduce. */
function libphonenumberReading(
  digits: string,
  international: boolean,
  defaultCountry: CountryCode,
  metadata: MetadataJson,
): ParsedDigits | null {
  const parsed = international
    ? parsePhoneNumberFromString(`+${digits}`, metadata)
    : parsePhoneNumberFromString(digits, defaultCountry, metadata);
  if (!parsed) return null;
  const country = parsed.country ?? '001';
  const valid = parsed.isValid();
  return {
    e164: parsed.number,
    dbKey: parsed.number.slice(1),
    country,
    bareNational: !international && parsed.nationalNumber === digits,
    valid,
    plausible: !valid && country === 'KZ' && parsed.isPossible(),
  };
}

interface Writing {
  readonly digits: string;
  readonly international: boolean;
  readonly defaultCountry: CountryCode;
}

type MinifiedPlan = readonly unknown[];

function planOf(metadata: MetadataJson, country: CountryCode): MinifiedPlan {
  return metadata.countries[country] as MinifiedPlan;
}

/**
 * National numbers of `country`: random ones of every length its plan allows
 * (and one digit off), numbers near its mobile example, and numbers libphonenumber
 * calls valid, found by drawing until one is.
 */
function nationalNumbers(
  metadata: MetadataJson,
  country: CountryCode,
  prng: Prng,
  count: number,
): string[] {
  const plan = planOf(metadata, country);
  const lengths = (plan[3] as number[] | undefined) ?? [8, 9, 10];
  const callingCode = String(plan[0]);
  const numbers: string[] = [];
  const example = (mobileExamples as Record<string, string | undefined>)[country];
  for (let i = 0; i < count; i++) {
    const length = prng.pick(lengths) + prng.int(-1, 1);
    if (length < 1) continue;
    numbers.push(String(prng.int(1, 9)) + prng.digits(length - 1));
    if (example) {
      const kept = prng.int(1, example.length);
      numbers.push(example.slice(0, kept) + prng.digits(example.length - kept));
    }
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = String(prng.int(1, 9)) + prng.digits(prng.pick(lengths) - 1);
      if (parsePhoneNumberFromString(`+${callingCode}${candidate}`, metadata)?.isValid()) {
        numbers.push(candidate);
        break;
      }
    }
  }
  return numbers;
}

/** Each national number as written at home, with the trunk prefix, the calling code, `+` and an IDD. */
function writingsOf(
  metadata: MetadataJson,
  country: CountryCode,
  national: string,
  prng: Prng,
): Writing[] {
  const plan = planOf(metadata, country);
  const callingCode = String(plan[0]);
  const trunk = typeof plan[5] === 'string' ? plan[5] : '';
  const foreign: CountryCode = country === 'RU' ? 'KZ' : 'RU';
  const writings: Writing[] = [
    { digits: callingCode + national, international: true, defaultCountry: country },
    { digits: national, international: false, defaultCountry: country },
    { digits: trunk + national, international: false, defaultCountry: country },
    { digits: callingCode + national, international: false, defaultCountry: country },
    { digits: `810${callingCode}${national}`, international: false, defaultCountry: 'RU' },
    { digits: `00${callingCode}${national}`, international: false, defaultCountry: country },
    { digits: national, international: false, defaultCountry: foreign },
    { digits: trunk + national, international: false, defaultCountry: foreign },
    { digits: national, international: true, defaultCountry: country },
    {
      digits: prng.digits(prng.int(1, 17)),
      international: prng.chance(0.5),
      defaultCountry: country,
    },
  ];
  return writings.filter((writing) => writing.digits.length > 0);
}

function disagreements(
  metadata: MetadataJson,
  countries: readonly CountryCode[],
  perCountry: number,
  seed: number,
): { checked: number; valid: number; differing: unknown[] } {
  const parse = createDigitParser(metadata);
  const prng = createPrng(seed);
  const differing: unknown[] = [];
  let checked = 0;
  let valid = 0;
  for (const country of countries) {
    for (const national of nationalNumbers(metadata, country, prng, perCountry)) {
      for (const writing of writingsOf(metadata, country, national, prng)) {
        const { digits, international, defaultCountry } = writing;
        const expected = libphonenumberReading(digits, international, defaultCountry, metadata);
        const actual = parse(digits, international, defaultCountry);
        checked++;
        if (expected?.valid) valid++;
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          differing.push({ writing, expected, actual });
        }
      }
    }
  }
  return { checked, valid, differing };
}

/**
 * Each comparison reads hundreds of thousands of writings through both parsers: seconds on an
 * idle machine, several times that on a loaded one, so these tests get their own generous limit.
 */
const HEAVY_TEST_MS = 60_000;

describe('createDigitParser reads digits exactly as libphonenumber does', () => {
  it('with the content-script cut, on every country it holds', { timeout: HEAVY_TEST_MS }, () => {
    const countries = Object.keys(cut.countries) as CountryCode[];
    const result = disagreements(cut as MetadataJson, countries, 100, 1);
    expect(result.differing.slice(0, 5)).toEqual([]);
    expect(result.checked).toBeGreaterThan(countries.length * 1000);
    // Not just rejections: a good share of the readings are valid numbers.
    expect(result.valid).toBeGreaterThan(result.checked / 5);
  });

  it('with the full metadata, on every country', { timeout: HEAVY_TEST_MS }, () => {
    const countries = Object.keys(maxMetadata.countries) as CountryCode[];
    const result = disagreements(maxMetadata, countries, 6, 2);
    expect(result.differing.slice(0, 5)).toEqual([]);
    expect(result.checked).toBeGreaterThan(countries.length * 80);
    expect(result.valid).toBeGreaterThan(result.checked / 10);
  });

  it('reads non-geographic numbers as libphonenumber does', () => {
    const parse = createDigitParser(maxMetadata);
    for (const digits of ['80012345678', '8001234567', '87012345678', '979123456789', '8']) {
      expect(parse(digits, true, 'RU')).toEqual(
        libphonenumberReading(digits, true, 'RU', maxMetadata),
      );
    }
  });
});
