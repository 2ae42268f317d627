import { normalizeDialTarget } from '../../../shared/phone';
import type { CountryCode } from '../../../shared/phone/types';
import type { TransferMode } from '../../../shared/protocol';
import { validateDialTarget } from '../../ami/dial-target';
import { AmiValueError } from '../../ami/errors';
import { fillNumber } from '../../core/number-forms';
import type { TransferSettings } from '../../config/transfer-settings';
import { CallControlRefusedError } from './errors';

/** Where the PBX sends the caller: an extension of a dialplan context, and what the card shows. */
export interface TransferDestination {
  readonly context: string;
  readonly exten: string;
  /** The extension, or the number in E.164, as the card and the journal show it. */
  readonly to: string;
}

/** An outside number (E.164) as `transfer.courierExten` says to dial it. */
export function outsideExten(template: string, e164: string): string {
  return fillNumber(template, e164);
}

function dialable(value: string, input: string): string {
  try {
    return validateDialTarget(value);
  } catch (error) {
    if (!(error instanceof AmiValueError)) throw error;
    throw new CallControlRefusedError(
      'invalid-number',
      `"${input}" cannot be dialled (${error.problem}); nothing was transferred.`,
    );
  }
}

/**
 * What the operator typed or picked, as the PBX dials it: an internal extension rings in
 * `transfer.managerContext`, an outside number goes through the outbound route of
 * `transfer.courierContext`, written as `transfer.courierExten` says. An attended transfer
 * reaches the PBX as keypad digits (Atxfer), which cannot carry a `+`.
 */
export function transferDestination(
  input: string,
  mode: TransferMode,
  settings: TransferSettings,
  defaultCountry: CountryCode,
): TransferDestination {
  const target = normalizeDialTarget(input, { defaultCountry });
  if (target === null) {
    throw new CallControlRefusedError(
      'invalid-number',
      `"${input}" is neither an extension nor a phone number; nothing was transferred.`,
    );
  }
  if (target.kind === 'extension') {
    return {
      context: settings.managerContext,
      exten: dialable(target.extension, input),
      to: target.extension,
    };
  }
  const exten = dialable(outsideExten(settings.courierExten, target.e164), input);
  if (mode === 'attended' && exten.includes('+')) {
    throw new CallControlRefusedError(
      'invalid-number',
      `An attended transfer dials ${target.e164} as keypad digits, which have no "+": set ` +
        'transfer.courierExten to "{digits}" or "{national}" (with the outbound route\'s prefix).',
    );
  }
  return { context: settings.courierContext, exten, to: target.e164 };
}
