import { validateContext } from '../ami/dial-target';
import { tr } from '../core/cli-text';
import './russian';

/** The transfer settings cannot work; says which key to change. */
export class TransferConfigError extends Error {
  override readonly name = 'TransferConfigError';

  constructor(
    key: string,
    /** What is wrong with the value, without the key. */
    readonly problem: string,
  ) {
    super(`transfer.${key} ${problem}`);
  }
}

/**
 * The `[transfer]` configuration: where the PBX sends a transferred caller. A transfer
 * moves the caller to an extension of a dialplan context, so the courier's mobile is
 * reached through the outbound route of `courierContext`.
 */
export interface TransferSettings {
  /**
   * `blind`: AMI BlindTransfer on the operator's channel (the PBX treats it as the
   * operator's transfer). `redirect`: AMI Redirect of the caller's channel, for PBXs where
   * blind transfer is disabled. Both need the `call` write class.
   */
  readonly method: 'blind' | 'redirect';
  /** Context whose outbound route dials the courier's mobile. */
  readonly courierContext: string;
  /** How the mobile is dialled there: `{e164}` +79161234567, `{digits}` 79161234567, `{national}` 89161234567. */
  readonly courierExten: string;
  /** Context where the account manager's extension rings. */
  readonly managerContext: string;
}

export const DEFAULT_TRANSFER_SETTINGS: TransferSettings = {
  method: 'blind',
  courierContext: 'from-internal',
  courierExten: '{e164}',
  managerContext: 'from-internal',
};

const EXTEN_TEMPLATE = /^[0-9*#+]*(\{(e164|digits|national)\}[0-9*#+]*)$/;

/** Throws TransferConfigError for settings that would build invalid AMI values. */
export function checkTransferSettings(settings: TransferSettings): void {
  if (settings.method !== 'blind' && settings.method !== 'redirect') {
    throw new TransferConfigError('method', tr`must be "blind" or "redirect"`);
  }
  for (const key of ['courierContext', 'managerContext'] as const) {
    try {
      validateContext(settings[key], key);
    } catch {
      throw new TransferConfigError(
        key,
        tr`must be a dialplan context name: letters, digits, "_", "." and "-"`,
      );
    }
  }
  if (!EXTEN_TEMPLATE.test(settings.courierExten)) {
    throw new TransferConfigError(
      'courierExten',
      tr`must hold one of {e164}, {digits} or {national}, with optional dial prefix digits`,
    );
  }
}
