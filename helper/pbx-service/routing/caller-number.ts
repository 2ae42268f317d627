import { customerNumber } from '../agi/customer-number';
import type { AgiEnvironment } from '../agi/environment';

/**
 * The caller's number as the database stores it (`79161234567`), or undefined when the
 * channel has none usable. The dialplan may pass the number as the first AGI argument
 * (for instance after stripping a trunk prefix); otherwise the caller ID is used.
 */
export function callerDbKey(
  environment: AgiEnvironment,
  defaultCountry: string,
): string | undefined {
  const raw = environment.args[0]?.trim() || environment.callerId;
  return customerNumber(raw, defaultCountry)?.dbKey;
}
