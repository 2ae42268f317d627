import { CallsConfigError } from '../errors';

export interface CallerId {
  readonly name?: string;
  readonly number: string;
}

const BARE = /^\+?[0-9]{2,20}$/;
const NAMED = /^\s*"?([^"<>]*?)"?\s*<(\+?[0-9]{2,20})>\s*$/;

/**
 * Reads the configured caller ID: a number (`74951234567`) or a name with a number
 * (`"Courier" <74951234567>`). Empty means "leave the PBX's default".
 */
export function parseCallerId(value: string | undefined): CallerId | undefined {
  const text = (value ?? '').trim();
  if (text.length === 0) return undefined;
  if (BARE.test(text)) return { number: text };
  const named = NAMED.exec(text);
  if (named !== null) {
    const name = named[1]!.trim();
    return name.length > 0 ? { name, number: named[2]! } : { number: named[2]! };
  }
  throw new CallsConfigError(
    'originate.callerId',
    `"${text}" is not a caller ID: write a number such as 74951234567, or "Name" <74951234567>`,
  );
}
