import type { CountryCode } from 'libphonenumber-js/core';

export type { CountryCode };

export interface PhoneOptions {
  /** Country of numbers written without a country code; Russia when omitted. */
  defaultCountry?: CountryCode;
}

export interface NormalizedPhone {
  /** `+79161234567` — the form the PBX dials. */
  e164: string;
  /** `79161234567` — E.164 digits without `+`, the form the database keys numbers by. */
  dbKey: string;
  /** ISO 3166 code such as `RU` or `KZ`; `001` for non-geographic numbers (`+800 …`). */
  country: string;
  /** Extension dialled after the connection (`доб. 123`). */
  ext?: string;
}

export type DialTarget =
  ({ kind: 'external' } & NormalizedPhone) | { kind: 'extension'; extension: string };

export interface FoundPhone extends NormalizedPhone {
  /** Offset of the first character of the writing in the searched text. */
  start: number;
  /** Offset just past the last character (the extension included). */
  end: number;
  /** The writing as it appears in the text. */
  text: string;
}

export type PhoneFormatStyle = 'international' | 'national' | 'e164';

/** The phone API, built from one metadata set. */
export interface PhoneKit {
  normalizePhone(input: string, options?: PhoneOptions): NormalizedPhone | null;
  normalizeDialTarget(input: string, options?: PhoneOptions): DialTarget | null;
  findPhones(text: string, options?: PhoneOptions): FoundPhone[];
  formatPhone(e164: string, style?: PhoneFormatStyle): string;
}
