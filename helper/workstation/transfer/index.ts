import type { CallView, TransferState } from '../../../shared/protocol';
import { AmiTransferrer, type TransferAmi } from './ami-transferrer';
import type { TransferSettings } from '../../config/transfer-settings';

export { AmiTransferrer } from './ami-transferrer';
export type { AmiTransferrerOptions, TransferAmi, TransferOutcome } from './ami-transferrer';
export {
  DEFAULT_TRANSFER_SETTINGS,
  checkTransferSettings,
  type TransferSettings,
} from '../../config/transfer-settings';
export { TransferConfigError } from '../../config/transfer-settings';
export { TransferRefusedError } from './errors';

/**
 * The card's transfer over the helper's AMI client. `onTransfer` is told every transfer
 * the PBX was asked for: hand it to the hub (the card) and to `CallJournal.transferred`.
 */
export function createTransferrer(
  ami: TransferAmi,
  settings: TransferSettings,
  extensions: () => readonly string[],
  onTransfer: (call: CallView, state: TransferState) => void,
): AmiTransferrer {
  return new AmiTransferrer({ ami, settings, extensions, onTransfer });
}
