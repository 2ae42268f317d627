import { AgiValueError } from './errors';

declare const valueBrand: unique symbol;
declare const nameBrand: unique symbol;

/**
 * A value the service may put on a PBX channel: a number, a list of numbers, a code or
 * one of a fixed set of kinds. Only the constructors below make one, so a name, an address
 * or anything with a quote or a line break cannot reach the PBX by construction.
 */
export type ChannelValue = string & { readonly [valueBrand]: true };

/** A channel variable the service sets: `CT_` and upper-case letters, digits and `_`. */
export type ChannelVariable = string & { readonly [nameBrand]: true };

export const CHANNEL_VARIABLE_PATTERN = /^CT_[A-Z][A-Z0-9_]{0,30}$/;
/** A dialable number: E.164 with `+`, the digits the database stores, or an extension. */
const NUMBER = /^\+?\d{2,15}$/;
const CODE = /^\d{1,20}$/;
const KIND = /^[a-z][a-z-]{0,31}$/;
/** Separates the numbers of a list; Dial() uses the same character between its targets. */
export const LIST_SEPARATOR = '&';
const MAX_LIST = 16;
/** Everything a value built here can contain; checked again right before encoding. */
export const CHANNEL_VALUE_CHARACTERS = /^[0-9A-Za-z+&-]*$/;

export function channelVariable(name: string): ChannelVariable {
  if (!CHANNEL_VARIABLE_PATTERN.test(name)) {
    throw new AgiValueError('variable name', 'it must be CT_ followed by A-Z, 0-9 and "_"');
  }
  return name as ChannelVariable;
}

/** A number to dial or to show, checked to be digits with an optional leading `+`. */
export function numberValue(value: string, field: string): ChannelValue {
  if (!NUMBER.test(value)) {
    throw new AgiValueError(field, 'a number must be 2 to 15 digits with an optional leading "+"');
  }
  return value as ChannelValue;
}

/** Numbers joined with `&`; empty for no numbers. */
export function numberListValue(values: readonly string[], field: string): ChannelValue {
  if (values.length > MAX_LIST) {
    throw new AgiValueError(field, `a list holds at most ${MAX_LIST} numbers`);
  }
  return values.map((value) => numberValue(value, field)).join(LIST_SEPARATOR) as ChannelValue;
}

/** A database code (order, delivery, courier): digits only. */
export function codeValue(value: string, field: string): ChannelValue {
  if (!CODE.test(value)) throw new AgiValueError(field, 'a code must be 1 to 20 digits');
  return value as ChannelValue;
}

/** One of a fixed set of lower-case kinds. */
export function kindValue<K extends string>(
  value: K,
  allowed: readonly K[],
  field: string,
): ChannelValue {
  if (!allowed.includes(value) || !KIND.test(value)) {
    throw new AgiValueError(field, `it must be one of ${allowed.join(', ')}`);
  }
  return value as string as ChannelValue;
}

export const EMPTY_VALUE = '' as ChannelValue;
