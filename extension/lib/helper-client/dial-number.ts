import { findPhones, normalizeDialTarget } from '../../../shared/phone/cis';

/** Longest number text the protocol carries. */
const MAX_NUMBER_LENGTH = 64;

/**
 * The text to send in a `dial` request for what the user typed or selected,
 * or `null` when it holds no dialable number. A short PBX extension (2–5
 * digits) passes as it is; a phone number passes as its E.164 form, with the
 * extension suffix the helper dials after connecting. Text around a single
 * number (a selection such as "тел. 8 916 123-45-67") yields that number.
 */
export function dialNumberFor(input: string): string | null {
  const direct = input.length <= MAX_NUMBER_LENGTH ? normalizeDialTarget(input) : null;
  if (direct?.kind === 'extension') return direct.extension;
  if (direct?.kind === 'external') return withExtension(direct.e164, direct.ext);
  const found = findPhones(input.slice(0, 1024));
  const first = found[0];
  return found.length === 1 && first !== undefined ? withExtension(first.e164, first.ext) : null;
}

function withExtension(e164: string, ext: string | undefined): string {
  return ext === undefined ? e164 : `${e164};ext=${ext}`;
}
