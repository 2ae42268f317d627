import { formatPhone, normalizeDialTarget } from '../../../../shared/phone';
import type { CountryCode } from '../../../../shared/phone/types';
import type { PartyNumber } from '../../../../shared/protocol';

/**
 * How the outbound context expects an external number in `Exten`:
 * `e164` `+79161234567`, `digits` `79161234567`, `national` `89161234567` (the country's
 * own trunk prefix and national number).
 */
export type DialFormat = 'e164' | 'digits' | 'national';
export const DIAL_FORMATS: readonly DialFormat[] = ['e164', 'digits', 'national'];

export interface ResolvedTarget {
  /** What goes into the Originate's `Exten`. */
  readonly exten: string;
  readonly remote: PartyNumber;
}

/**
 * Turns what the user clicked or typed into the number to dial, or undefined when it is
 * not a dialable number (nothing is sent to the PBX then). Internal extensions are
 * dialled as they are.
 */
export function resolveDialTarget(
  input: string,
  format: DialFormat,
  defaultCountry: CountryCode,
): ResolvedTarget | undefined {
  const target = normalizeDialTarget(input, { defaultCountry });
  if (target === null) return undefined;
  if (target.kind === 'extension') {
    return { exten: target.extension, remote: { raw: target.extension } };
  }
  const exten =
    format === 'e164'
      ? target.e164
      : format === 'digits'
        ? target.dbKey
        : formatPhone(target.e164, 'national').replace(/\D/g, '');
  return { exten, remote: { raw: exten, e164: target.e164, dbKey: target.dbKey } };
}
