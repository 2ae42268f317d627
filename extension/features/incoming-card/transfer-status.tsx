import type { CallView } from '../../../shared/protocol';
import { transferText } from './transfer-text';

/** The outcome of the last transfer asked from this card. */
export function TransferStatus({ call }: { call: CallView }) {
  const transfer = call.transfer;
  if (!transfer) return null;
  // Going back to the caller was the operator's own choice: said plainly, not as an error.
  const tone = transfer.ok
    ? 'transfer--ok'
    : transfer.reason === 'cancelled'
      ? 'transfer--cancelled'
      : 'transfer--failed';
  return <p class={`transfer ${tone}`}>{transferText(transfer)}</p>;
}
