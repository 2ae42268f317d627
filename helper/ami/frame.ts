/**
 * One AMI frame (a response or an event) as a plain object: header → value, keys exactly as
 * the PBX sent them. A header that appears more than once (`ChanVariable`, `Output`,
 * `Variable`) holds all its values, in order, as an array.
 */
export type AmiHeaderValue = string | readonly string[];

export interface AmiFrame {
  readonly [header: string]: AmiHeaderValue | undefined;
}

/** The header under which command output without `Key:` prefixes is collected. */
export const OUTPUT_HEADER = 'Output';

/**
 * The first value of a header. The exact spelling is tried first (the hot path: Asterisk
 * spells its keys consistently); AMI keys are case-insensitive, so other spellings match too.
 */
export function header(frame: AmiFrame, name: string): string | undefined {
  const exact = frame[name];
  if (typeof exact === 'string') return exact;
  if (Array.isArray(exact)) return (exact as readonly string[])[0];
  const lower = name.toLowerCase();
  for (const key in frame) {
    if (key.length === name.length && key.toLowerCase() === lower) {
      const value = frame[key];
      if (typeof value === 'string') return value;
      if (Array.isArray(value)) return (value as readonly string[])[0];
    }
  }
  return undefined;
}

/** Every value of a header, in the order sent; empty when absent. */
export function headerValues(frame: AmiFrame, name: string): readonly string[] {
  const value = frame[name];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value as readonly string[];
  return [];
}

/**
 * The ActionID of a frame. Asterisk writes `ActionID`; the other spellings are checked
 * directly rather than by scanning the keys, because this runs for every frame.
 */
export function actionIdOf(frame: AmiFrame): string | undefined {
  const value = frame['ActionID'] ?? frame['ActionId'] ?? frame['Actionid'] ?? frame['actionid'];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return (value as readonly string[])[0];
  return undefined;
}

/** `ChanVariable: name=value` headers as a record (the first `=` separates name and value). */
export function chanVariables(frame: AmiFrame, prefix = ''): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const entry of headerValues(frame, `${prefix}ChanVariable`)) {
    const eq = entry.indexOf('=');
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}
