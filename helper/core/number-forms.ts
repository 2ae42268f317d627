/** Where a number goes in a dial string or a cabinet address, and how it is written there. */
export const NUMBER_PLACEHOLDERS = /\{(e164|digits|national)\}/g;

/**
 * An E.164 number as templates take it: `{e164}` +79161234567, `{digits}` 79161234567,
 * `{national}` 89161234567 (Russian and Kazakh numbers with the trunk prefix; other
 * countries' digits as they are). `encode` is applied to each value, e.g. for a URL.
 */
export function fillNumber(
  template: string,
  e164: string,
  encode: (value: string) => string = (value) => value,
): string {
  const digits = e164.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('7') ? `8${digits.slice(1)}` : digits;
  const forms: Record<string, string> = { e164: `+${digits}`, digits, national };
  return template.replaceAll(NUMBER_PLACEHOLDERS, (_match, name: string) =>
    encode(forms[name] ?? ''),
  );
}
