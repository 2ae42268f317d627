import type { MetadataJson } from 'libphonenumber-js/core';

/**
 * libphonenumber's numbering plans with their patterns compiled once. The
 * library compiles a pattern's source into a new RegExp on every match and
 * wraps each step in objects, which made validating a candidate cost more than
 * finding it; here each plan's regular expressions are built on first use and
 * kept for the life of the metadata.
 *
 * Field positions are those of libphonenumber-js metadata format 4 (the
 * `metadata.*.json` it ships and the cut generated from them).
 */

/** Index of each field in a minified plan (format 4). */
const CALLING_CODE = 0;
const IDD_PREFIX = 1;
const NATIONAL_PATTERN = 2;
const POSSIBLE_LENGTHS = 3;
const NATIONAL_PREFIX = 5;
const NATIONAL_PREFIX_FOR_PARSING = 7;
const NATIONAL_PREFIX_TRANSFORM_RULE = 8;
const LEADING_DIGITS = 10;
const TYPES = 11;

const METADATA_FORMAT = 4;

interface NumberType {
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}

export interface NumberingPlan {
  readonly callingCode: string;
  /** International call prefix dialled in this country (`810` in Russia), anchored at the start. */
  readonly iddPrefix: RegExp | undefined;
  /** The whole national significant number. */
  readonly nationalPattern: RegExp;
  /** Ascending; undefined when the metadata gives none. */
  readonly possibleLengths: readonly number[] | undefined;
  /** Trunk prefix and carrier code as written before a national number, anchored at the start. */
  readonly nationalPrefixForParsing: RegExp | undefined;
  readonly nationalPrefixTransformRule: string | undefined;
  /** Tells this country from the others of a shared calling code (KZ `7…` under +7). */
  readonly leadingDigits: RegExp | undefined;
  /** Fixed line, mobile, toll free and the other number types; null when the plan lists none. */
  readonly types: readonly NumberType[] | null;
}

/** Thrown when metadata of another format is passed: the positions read here would be wrong. */
export class UnsupportedMetadataError extends Error {
  override readonly name = 'UnsupportedMetadataError';
  constructor(version: unknown) {
    super(
      `Phone metadata format ${String(version)} is not supported: pass libphonenumber-js ` +
        `metadata of format ${METADATA_FORMAT} (metadata.max.json or a cut generated from it).`,
    );
  }
}

type MinifiedPlan = readonly unknown[];

function text(plan: MinifiedPlan, index: number): string | undefined {
  const value = plan[index];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function lengths(value: unknown): readonly number[] | undefined {
  return Array.isArray(value) ? (value as number[]) : undefined;
}

function entire(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

function leading(pattern: string | undefined): RegExp | undefined {
  return pattern === undefined ? undefined : new RegExp(`^(?:${pattern})`);
}

function compileTypes(plan: MinifiedPlan): readonly NumberType[] | null {
  const types = plan[TYPES];
  if (!Array.isArray(types) || types.length === 0) return null;
  const compiled: NumberType[] = [];
  for (const type of types as unknown[]) {
    if (!Array.isArray(type) || typeof type[0] !== 'string' || type[0] === '') continue;
    compiled.push({
      pattern: entire(type[0]),
      lengths: lengths(type[1]) ?? lengths(plan[POSSIBLE_LENGTHS]),
    });
  }
  return compiled;
}

function compilePlan(plan: MinifiedPlan): NumberingPlan {
  const prefixForParsing = text(plan, NATIONAL_PREFIX_FOR_PARSING) ?? text(plan, NATIONAL_PREFIX);
  return {
    callingCode: String(plan[CALLING_CODE]),
    iddPrefix: leading(text(plan, IDD_PREFIX)),
    nationalPattern: entire(text(plan, NATIONAL_PATTERN) ?? ''),
    possibleLengths: lengths(plan[POSSIBLE_LENGTHS]),
    nationalPrefixForParsing: leading(prefixForParsing),
    nationalPrefixTransformRule: text(plan, NATIONAL_PREFIX_TRANSFORM_RULE),
    leadingDigits: leading(text(plan, LEADING_DIGITS)),
    types: compileTypes(plan),
  };
}

export interface NumberingPlans {
  /** The plan of an ISO country in the metadata, or undefined. */
  country(country: string): NumberingPlan | undefined;
  /** Countries sharing a calling code, the main one first; undefined for unknown and non-geographic codes. */
  countriesOf(callingCode: string): readonly string[] | undefined;
  /** The plan a calling code is read with: its main country's, or a non-geographic plan. */
  callingCode(callingCode: string): NumberingPlan | undefined;
}

/** Compiles plans of `metadata` lazily, one country or calling code at a time. */
export function numberingPlans(metadata: MetadataJson): NumberingPlans {
  if (metadata.version !== METADATA_FORMAT) throw new UnsupportedMetadataError(metadata.version);
  const countries = metadata.countries as Record<string, MinifiedPlan | undefined>;
  // null marks a code looked up and not found, so each miss is also paid once.
  const byCountry = new Map<string, NumberingPlan | null>();
  const byCallingCode = new Map<string, NumberingPlan | null>();
  const countriesByCallingCode = new Map<string, readonly string[] | null>();

  function country(code: string): NumberingPlan | undefined {
    let plan = byCountry.get(code);
    if (plan === undefined) {
      const minified = Object.hasOwn(countries, code) ? countries[code] : undefined;
      plan = minified ? compilePlan(minified) : null;
      byCountry.set(code, plan);
    }
    return plan ?? undefined;
  }

  function countriesOf(callingCode: string): readonly string[] | undefined {
    let listed = countriesByCallingCode.get(callingCode);
    if (listed === undefined) {
      const codes = Object.hasOwn(metadata.country_calling_codes, callingCode)
        ? metadata.country_calling_codes[callingCode]
        : undefined;
      // Metadata of older formats listed non-geographic codes here as a single "001".
      listed = !codes || (codes.length === 1 && codes[0]!.length === 3) ? null : codes;
      countriesByCallingCode.set(callingCode, listed);
    }
    return listed ?? undefined;
  }

  function callingCode(code: string): NumberingPlan | undefined {
    let plan = byCallingCode.get(code);
    if (plan === undefined) {
      const listed = countriesOf(code);
      const minified = Object.hasOwn(metadata.nonGeographic, code)
        ? (metadata.nonGeographic[code] as MinifiedPlan | undefined)
        : undefined;
      plan = (listed ? country(listed[0]!) : minified ? compilePlan(minified) : undefined) ?? null;
      byCallingCode.set(code, plan);
    }
    return plan ?? undefined;
  }

  return { country, countriesOf, callingCode };
}
