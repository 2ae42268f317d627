import type { CallView } from '../../../shared/protocol';
import { TechnicalLine } from '../technical-line';
import { transferText } from './transfer-text';

/** The outcome of the last transfer asked from this card. */
export function TransferStatus({ call }: { call: CallView }) {
  const transfer = call.transfer;
  if (!transfer) return null;
  const { text, technical } = transferText(transfer);
  return (
    <div class={`transfer ${transfer.ok ? 'transfer--ok' : 'transfer--failed'}`}>
      <p class="transfer-text">{text}</p>
      {technical && <TechnicalLine text={technical} />}
    </div>
  );
}
