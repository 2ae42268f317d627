/** A default country the loaded metadata does not describe. */
export class UnsupportedCountryError extends Error {
  override readonly name = 'UnsupportedCountryError';
  constructor(readonly country: string) {
    super(
      `Phone metadata has no country "${country}": pass one of the countries it was built with ` +
        `(the content-script build holds only its cut, see shared/phone/cut-countries.ts), ` +
        `or import the full build from shared/phone/index.`,
    );
  }
}

/** `formatPhone` was given something other than an E.164 number. */
export class InvalidE164Error extends Error {
  override readonly name = 'InvalidE164Error';
  constructor(readonly input: string) {
    super(
      `formatPhone expects an E.164 number such as +79161234567, got ${JSON.stringify(input)}: ` +
        `pass the e164 field of a normalizePhone result.`,
    );
  }
}
