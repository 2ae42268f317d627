import { AmiValueError } from './errors';

/** Long enough for E.164 (15 digits) with prefixes, feature codes and DTMF suffixes. */
export const MAX_DIAL_TARGET_LENGTH = 32;
/** AST_MAX_CONTEXT in Asterisk is 80 including the terminating NUL. */
export const MAX_CONTEXT_LENGTH = 79;
export const MAX_CHANNEL_LENGTH = 128;

const DIAL_TARGET = /^[0-9+*#]+$/;
// Technology, "/", resource. The resource admits what PJSIP/SIP/IAX2/Local dial strings
// need (`101`, `101@from-internal`, `trunk/sip:79161234567@host:5060`, `Local/101@ctx/n`)
// and nothing that Dial treats as a separator or an option: no "&", ",", "|", spaces,
// quotes or parentheses.
const CHANNEL = /^[A-Za-z][A-Za-z0-9_]*\/[A-Za-z0-9@.+*#_:;/=-]+$/;
const CONTEXT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A number to dial: digits, `+`, `*` and `#` only, non-empty and bounded. */
export function validateDialTarget(value: string, key = 'Exten'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AmiValueError(key, 'the number to dial is empty');
  }
  if (value.length > MAX_DIAL_TARGET_LENGTH) {
    throw new AmiValueError(key, `the number to dial is longer than ${MAX_DIAL_TARGET_LENGTH}`);
  }
  if (!DIAL_TARGET.test(value)) {
    throw new AmiValueError(key, 'a number to dial may hold only digits, "+", "*" and "#"');
  }
  return value;
}

/** A channel to originate on, such as `PJSIP/101` or `Local/101@from-internal`. */
export function validateChannel(value: string, key = 'Channel'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CHANNEL_LENGTH) {
    throw new AmiValueError(key, `a channel must be 1 to ${MAX_CHANNEL_LENGTH} characters`);
  }
  if (!CHANNEL.test(value)) {
    throw new AmiValueError(
      key,
      'a channel must look like TECH/resource (e.g. PJSIP/101) using letters, digits and @.+*#_:;/=-',
    );
  }
  return value;
}

/** A dialplan context name. */
export function validateContext(value: string, key = 'Context'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_CONTEXT_LENGTH) {
    throw new AmiValueError(key, `a context must be 1 to ${MAX_CONTEXT_LENGTH} characters`);
  }
  if (!CONTEXT.test(value)) {
    throw new AmiValueError(key, 'a context may hold only letters, digits, "_", "." and "-"');
  }
  return value;
}
