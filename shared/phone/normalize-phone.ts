import type { CountryCode } from 'libphonenumber-js/core';
import { matchExtension, splitUriExtension } from './extension-suffix';
import type { DigitParser } from './parse-digits';
import type { DialTarget, NormalizedPhone } from './types';

const MAX_INPUT_LENGTH = 64;
const URI_SCHEME = /^tel:/i;
/** Digits and the punctuation of one phone writing; `+` only in front. */
const PHONE_BODY = /^\+?[\d \u00a0()\-.\u2010\u2011]*\d[\d \u00a0()\-.\u2010\u2011]*$/;
const PHONE_BODY_CHARACTER = /[\d \u00a0()\-.\u2010\u2011+]/;
/** Internal numbers of the PBX: dialled as they are, never turned into E.164. */
const INTERNAL_EXTENSION = /^\d{2,5}$/;

interface SplitInput {
  readonly body: string;
  readonly ext?: string;
}

/** Separates `tel:`, `;ext=`, and a written `доб. 123` from the number itself. */
function splitInput(input: string): SplitInput | null {
  let text = input.trim();
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH) return null;
  if (URI_SCHEME.test(text)) text = text.slice(4);
  const uri = splitUriExtension(text);
  text = uri.body;
  let bodyEnd = 0;
  while (bodyEnd < text.length && PHONE_BODY_CHARACTER.test(text.charAt(bodyEnd))) bodyEnd++;
  if (bodyEnd === text.length) return uri;
  if (uri.ext !== undefined) return null;
  const written = matchExtension(text, bodyEnd);
  if (!written || written.end !== text.length) return null;
  return { body: text.slice(0, bodyEnd), ext: written.ext };
}

/**
 * A whole input read as one phone number (a dial box, a caller id, a database
 * value): null unless it is a dialable number of a known country.
 */
export function normalizePhoneWith(
  input: string,
  country: CountryCode,
  parseDigits: DigitParser,
): NormalizedPhone | null {
  const split = splitInput(input);
  if (!split) return null;
  const body = split.body.trim();
  if (!PHONE_BODY.test(body)) return null;
  let international = body.startsWith('+');
  let digits = body.replace(/\D/g, '');
  // `00` is the international prefix wherever a national number cannot start with it.
  if (!international && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  const parsed = parseDigits(digits, international, country);
  if (!parsed || !(parsed.valid || parsed.plausible)) return null;
  return {
    e164: parsed.e164,
    dbKey: parsed.dbKey,
    country: parsed.country,
    ...(split.ext === undefined ? {} : { ext: split.ext }),
  };
}

/** A number the helper may dial: a PBX extension (2–5 digits) or an external phone. */
export function normalizeDialTargetWith(
  input: string,
  country: CountryCode,
  parseDigits: DigitParser,
): DialTarget | null {
  const trimmed = input.trim();
  if (INTERNAL_EXTENSION.test(trimmed)) return { kind: 'extension', extension: trimmed };
  const phone = normalizePhoneWith(input, country, parseDigits);
  return phone ? { kind: 'external', ...phone } : null;
}
