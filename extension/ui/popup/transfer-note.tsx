import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import '../../lib/i18n/desk-strings';
import { displayNumber } from '../../lib/i18n/format';

/** Where the call was transferred from the card, as its journal row says it. */
export function TransferNote({ call }: { call: CallView }) {
  const transfer = call.transfer;
  if (!transfer || transfer.to === '') return null;
  const key = transfer.ok
    ? transfer.mode === 'attended'
      ? 'shell.journal.transfer.attended'
      : 'shell.journal.transfer.blind'
    : transfer.reason === 'cancelled'
      ? 'shell.journal.transfer.cancelled'
      : 'shell.journal.transfer.failed';
  return <span class="ct-call__transfer">{t(key, { to: displayNumber(transfer.to) })}</span>;
}
