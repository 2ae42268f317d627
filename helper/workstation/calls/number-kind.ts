/** An internal extension: 2 to 6 digits, as the protocol's `Extension` defines it. */
const INTERNAL = /^\d{2,6}$/;
// What a phone dials: digits with an optional leading + and trailing */# feature codes.
const DIALLED = /^\+?[0-9*#]+$/;

export function isInternalNumber(value: string | undefined): boolean {
  return value !== undefined && INTERNAL.test(value);
}

/**
 * The value as a dialled number, or undefined for dialplan placeholders such as `s`,
 * `h` or `i` that Asterisk puts in `Exten` when no number was dialled.
 */
export function dialledNumber(exten: string | undefined): string | undefined {
  return exten !== undefined && DIALLED.test(exten) ? exten : undefined;
}
