import { AmiValueError } from './errors';

export type AmiFieldValue = string | number | boolean | readonly (string | number)[] | undefined;

/** Action headers; an array value is written as the same header repeated (e.g. `Variable`). */
export type AmiFields = Readonly<Record<string, AmiFieldValue>>;

const HEADER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
// CR and LF end an AMI line and NUL ends a C string on the PBX side: any of them in a value
// would let the rest of the value be read as further headers or a further action.
const LINE_BREAKING = /[\r\n\0]/;
const RESERVED = new Set(['action', 'actionid']);

/**
 * Encodes one action as bytes. Every key and value is checked before any output exists, so
 * a refused action leaves nothing half-written: it throws {@link AmiValueError} naming the
 * offending key (never echoing the value, which may be a secret).
 */
export function encodeAction(action: string, actionId: string, fields: AmiFields = {}): Buffer {
  checkName('Action', action);
  checkValue('ActionID', actionId);
  if (actionId.length === 0) throw new AmiValueError('ActionID', 'it is empty');
  let out = `Action: ${action}\r\nActionID: ${actionId}\r\n`;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined) continue;
    checkName(key, key);
    if (RESERVED.has(key.toLowerCase())) {
      throw new AmiValueError(key, 'Action and ActionID are set by the client, not by fields');
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) {
        out += `${key}: ${stringify(key, item)}\r\n`;
      }
    } else {
      out += `${key}: ${stringify(key, value as string | number | boolean)}\r\n`;
    }
  }
  return Buffer.from(`${out}\r\n`, 'utf8');
}

function stringify(key: string, value: string | number | boolean): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AmiValueError(key, 'a number must be finite');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'string') throw new AmiValueError(key, 'only strings, numbers and booleans');
  checkValue(key, value);
  return value;
}

function checkName(key: string, name: string): void {
  checkValue(key, name);
  if (!HEADER_NAME.test(name)) {
    throw new AmiValueError(
      key,
      'a header or action name must be a letter followed by letters, digits, "_" or "-" (at most 64)',
    );
  }
}

function checkValue(key: string, value: string): void {
  if (LINE_BREAKING.test(value)) {
    throw new AmiValueError(key, 'it contains a line break (CR or LF) or a NUL character');
  }
}
