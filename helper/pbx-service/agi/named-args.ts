import { AgiArgumentError } from './errors';

const KEY = /^[a-z][a-z0-9-]{0,31}$/;
const CODE = /^\d{1,20}$/;
const NUMBER = /^\+?\d{2,15}$/;
const EXTENSION = /^\d{2,6}$/;
/** Asterisk's Linkedid/Uniqueid: `<epoch seconds>.<sequence>`, optionally with a system name. */
const CALL_ID = /^(?:[A-Za-z0-9_-]{1,32}-)?\d{1,20}\.\d{1,10}$/;
const FILE_NAME = /^[A-Za-z0-9_+./-]{1,255}$/;
const TOKEN = /^[A-Za-z0-9]{8,64}$/;

/** The value of an argument the script cannot do without. */
export function requireArg<T>(key: string, value: T | undefined): T {
  if (value === undefined) throw new AgiArgumentError(key, 'is missing');
  return value;
}

/**
 * `key=value` arguments of an AGI call, as the shipped dialplan passes them
 * (`AGI(agi://…/feedback,call=…,rating=…)`). An empty value means absent. Every getter
 * checks the value's shape; anything else is refused, never stored.
 */
export class NamedArgs {
  readonly #values = new Map<string, string>();

  constructor(args: readonly string[]) {
    for (const arg of args) {
      const equals = arg.indexOf('=');
      const key = equals < 0 ? arg : arg.slice(0, equals);
      if (!KEY.test(key))
        throw new AgiArgumentError(key.slice(0, 32), 'is not a key=value argument');
      if (this.#values.has(key)) throw new AgiArgumentError(key, 'is given twice');
      const value = equals < 0 ? '' : arg.slice(equals + 1).trim();
      if (value.length > 0) this.#values.set(key, value);
    }
  }

  has(key: string): boolean {
    return this.#values.has(key);
  }

  /** The raw value, for keys whose shape the caller checks itself. */
  raw(key: string): string | undefined {
    return this.#values.get(key);
  }

  callId(key: string): string | undefined {
    return this.#matching(key, CALL_ID, 'must be an Asterisk call id such as 1718012345.101');
  }

  code(key: string): string | undefined {
    return this.#matching(key, CODE, 'must be a code of digits');
  }

  number(key: string): string | undefined {
    return this.#matching(key, NUMBER, 'must be a phone number of digits with an optional "+"');
  }

  extension(key: string): string | undefined {
    return this.#matching(key, EXTENSION, 'must be an extension of 2 to 6 digits');
  }

  fileName(key: string): string | undefined {
    return this.#matching(key, FILE_NAME, 'must be a file name without spaces or quotes');
  }

  /** An id the service made itself (letters and digits). */
  token(key: string): string | undefined {
    return this.#matching(key, TOKEN, 'must be 8 to 64 letters and digits');
  }

  integer(key: string, min: number, max: number): number | undefined {
    const value = this.#matching(key, /^\d{1,10}$/, `must be a whole number from ${min} to ${max}`);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (parsed < min || parsed > max) {
      throw new AgiArgumentError(key, `must be a whole number from ${min} to ${max}`);
    }
    return parsed;
  }

  oneOf<K extends string>(key: string, allowed: readonly K[]): K | undefined {
    const value = this.#values.get(key);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new AgiArgumentError(key, `must be one of ${allowed.join(', ')}`);
    }
    return value as K;
  }

  #matching(key: string, pattern: RegExp, problem: string): string | undefined {
    const value = this.#values.get(key);
    if (value === undefined) return undefined;
    if (!pattern.test(value)) throw new AgiArgumentError(key, problem);
    return value;
  }
}
