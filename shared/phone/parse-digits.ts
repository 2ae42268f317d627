import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { numberingPlans, type NumberingPlan, type NumberingPlans } from './numbering-plans';

/** Country reported for numbers of non-geographic calling codes (`+800 …`), as in libphonenumber. */
export const NON_GEOGRAPHIC = '001';

/**
 * Countries whose metadata lists only part of the numbers in use: Kazakhstan
 * shares +7 with Russia and its fixed-line ranges are incomplete (Almaty
 * `727 1xx …` is missing), so a number of the right length counts there.
 */
const INCOMPLETE_RANGES: ReadonlySet<string> = new Set(['KZ']);

/** libphonenumber's bounds on a national significant number. */
const MIN_NATIONAL_LENGTH = 2;
const MAX_NATIONAL_LENGTH = 17;
const MAX_CALLING_CODE_LENGTH = 3;

export interface ParsedDigits {
  readonly e164: string;
  readonly dbKey: string;
  readonly country: string;
  /** The digits were the national number itself: no trunk prefix, no country code. */
  readonly bareNational: boolean;
  /** In an allocated range of its country. */
  readonly valid: boolean;
  /** Of a length its country uses, and the country's ranges are known to be incomplete. */
  readonly plausible: boolean;
}

/** Reads digits as a phone: after `+` when `international`, else as written in `defaultCountry`. */
export type DigitParser = (
  digits: string,
  international: boolean,
  defaultCountry: CountryCode,
) => ParsedDigits | null;

type LengthCheck = 'possible' | 'too short' | 'too long' | 'invalid';

function checkLength(number: string, plan: NumberingPlan): LengthCheck {
  const possible = plan.possibleLengths;
  if (!possible) return 'possible';
  const length = number.length;
  if (possible[0] === length) return 'possible';
  if (possible[0]! > length) return 'too short';
  if (possible[possible.length - 1]! < length) return 'too long';
  return possible.indexOf(length, 1) >= 0 ? 'possible' : 'invalid';
}

/** The number is of one of the plan's types (fixed line, mobile, toll free…). */
function hasType(number: string, plan: NumberingPlan): boolean {
  if (!plan.types || !plan.nationalPattern.test(number)) return false;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(number.length)) continue;
    if (type.pattern.test(number)) return true;
  }
  return false;
}

function isValidIn(number: string, plan: NumberingPlan): boolean {
  return plan.types ? hasType(number, plan) : plan.nationalPattern.test(number);
}

/**
 * The same reading of digits as libphonenumber's `parsePhoneNumberFromString`
 * followed by `isValid()` and `isPossible()` (the parse-digits tests compare
 * the two on thousands of numbers), over plans whose patterns are compiled once.
 */
export function createDigitParser(metadata: MetadataJson): DigitParser {
  const plans: NumberingPlans = numberingPlans(metadata);

  /** Which of the countries sharing `callingCode` a national number belongs to. */
  function countryByNumber(callingCode: string, number: string): string | undefined {
    const countries = plans.countriesOf(callingCode);
    if (!countries) return undefined;
    if (countries.length === 1) return countries[0];
    for (const country of countries) {
      const plan = plans.country(country)!;
      if (plan.leadingDigits) {
        if (plan.leadingDigits.test(number)) return country;
      } else if (hasType(number, plan)) {
        return country;
      }
    }
    return undefined;
  }

  /** Strips a trunk prefix (and carrier code) when what is left still makes a number. */
  function stripNationalPrefix(number: string, plan: NumberingPlan): string {
    const prefix = plan.nationalPrefixForParsing;
    if (number === '' || !prefix) return number;
    const match = prefix.exec(number);
    if (!match) return number;
    const groups = match.length - 1;
    const captured = groups > 0 && Boolean(match[groups]);
    const national =
      plan.nationalPrefixTransformRule !== undefined && captured
        ? number.replace(prefix, plan.nationalPrefixTransformRule)
        : number.slice(match[0].length);
    if (national === number) return number;
    if (plan.nationalPattern.test(number) && !plan.nationalPattern.test(national)) return number;
    if (plan.possibleLengths) {
      const country = countryByNumber(plan.callingCode, national);
      const lengthPlan = (country === undefined ? undefined : plans.country(country)) ?? plan;
      const check = checkLength(national, lengthPlan);
      if (check === 'too short' || check === 'invalid') return number;
    }
    return national;
  }

  /** Digits after an international call prefix (`810 375…`), or undefined when there is none. */
  function stripIddPrefix(digits: string, plan: NumberingPlan): string | undefined {
    const match = plan.iddPrefix?.exec(digits);
    if (!match) return undefined;
    const rest = digits.slice(match[0].length);
    return rest === '' || rest.charCodeAt(0) === 0x30 || rest === digits ? undefined : rest;
  }

  /** `79161234567` written for Russia: the country's calling code without `+`. */
  function stripCallingCodeWithoutPlus(digits: string, plan: NumberingPlan): string | undefined {
    if (!digits.startsWith(plan.callingCode)) return undefined;
    const shorter = digits.slice(plan.callingCode.length);
    const shorterNational = stripNationalPrefix(shorter, plan);
    const national = stripNationalPrefix(digits, plan);
    const readShorter =
      (!plan.nationalPattern.test(national) && plan.nationalPattern.test(shorterNational)) ||
      checkLength(national, plan) === 'too long';
    return readShorter ? shorter : undefined;
  }

  /** Splits `+…` digits into a known calling code and the rest. */
  function splitCallingCode(digits: string): [callingCode: string, rest: string] | null {
    if (digits.charCodeAt(0) === 0x30) return null;
    for (let length = 1; length <= MAX_CALLING_CODE_LENGTH && length <= digits.length; length++) {
      const code = digits.slice(0, length);
      if (plans.callingCode(code)) return [code, digits.slice(length)];
    }
    return null;
  }

  return (digits, international, defaultCountry) => {
    let callingCode: string;
    let rest: string;
    let country: string | undefined;
    const home = plans.country(defaultCountry);
    const withoutIdd = international || !home ? undefined : stripIddPrefix(digits, home);
    if (international || withoutIdd !== undefined) {
      const split = splitCallingCode(withoutIdd ?? digits);
      if (!split) return null;
      [callingCode, rest] = split;
    } else if (home) {
      const shorter = stripCallingCodeWithoutPlus(digits, home);
      callingCode = home.callingCode;
      rest = shorter ?? digits;
      country = shorter === undefined ? defaultCountry : undefined;
    } else {
      return null;
    }
    if (rest === '') return null;

    const plan = country === undefined ? plans.callingCode(callingCode)! : home!;
    const national = stripNationalPrefix(rest, plan);
    country = countryByNumber(callingCode, national) ?? country;
    if (national.length < MIN_NATIONAL_LENGTH || national.length > MAX_NATIONAL_LENGTH) return null;

    const validityPlan = (country === undefined ? undefined : plans.country(country)) ?? plan;
    const reported = country ?? NON_GEOGRAPHIC;
    const valid = isValidIn(national, validityPlan);
    const e164 = `+${callingCode}${national}`;
    return {
      e164,
      dbKey: e164.slice(1),
      country: reported,
      bareNational: !international && national === digits,
      valid,
      plausible:
        !valid &&
        INCOMPLETE_RANGES.has(reported) &&
        checkLength(national, validityPlan) === 'possible',
    };
  };
}
