import type { CallView } from '../../../shared/protocol';
import { transferText } from './transfer-text';

/** The outcome of the last transfer asked from this card. */
export function TransferStatus({ call }: { call: CallView }) {
  const transfer = call.transfer;
  if (!transfer) return null;
  return (
    <p class={`transfer ${transfer.ok ? 'transfer--ok' : 'transfer--failed'}`}>
      {transferText(transfer)}
    </p>
  );
}
