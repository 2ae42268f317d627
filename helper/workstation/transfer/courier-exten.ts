/** The courier's mobile (E.164) as `transfer.courierExten` says to dial it. */
export function courierExten(template: string, e164: string): string {
  const digits = e164.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('7') ? `8${digits.slice(1)}` : digits;
  return template
    .replace('{e164}', `+${digits}`)
    .replace('{digits}', digits)
    .replace('{national}', national);
}
