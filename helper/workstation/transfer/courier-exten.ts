import { fillNumber } from '../../core/number-forms';

/** The courier's mobile (E.164) as `transfer.courierExten` says to dial it. */
export function courierExten(template: string, e164: string): string {
  return fillNumber(template, e164);
}
