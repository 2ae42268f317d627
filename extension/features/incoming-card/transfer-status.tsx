import type { CallView } from '../../../shared/protocol';
import { TechnicalLine } from '../technical-line';
import { transferText } from './transfer-text';

/** The outcome of the last transfer asked from this card. */
export function TransferStatus({ call }: { call: CallView }) {
  const transfer = call.transfer;
  if (!transfer) return null;
  const { text, technical } = transferText(transfer);
  // Going back to the caller was the operator's own choice: said plainly, not as an error.
  const tone = transfer.ok
    ? 'transfer--ok'
    : transfer.reason === 'cancelled'
      ? 'transfer--cancelled'
      : 'transfer--failed';
  return (
    <div class={`transfer ${tone}`}>
      <p class="transfer-text">{text}</p>
      {technical && <TechnicalLine text={technical} />}
    </div>
  );
}
