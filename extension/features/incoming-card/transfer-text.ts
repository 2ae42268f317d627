import type { TransferFailure, TransferState } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';

/** Every reason the helper gives has its own sentence; a new reason fails to compile here. */
const REASON_KEYS: Record<TransferFailure, string> = {
  'not-answered': 'page.card.transfer-reason.not-answered',
  'not-connected': 'page.card.transfer-reason.not-connected',
  'no-courier': 'page.card.transfer-reason.no-courier',
  'courier-not-holding': 'page.card.transfer-reason.courier-not-holding',
  'several-couriers': 'page.card.transfer-reason.several-couriers',
  'no-courier-mobile': 'page.card.transfer-reason.no-courier-mobile',
  'no-manager': 'page.card.transfer-reason.no-manager',
  'invalid-number': 'page.card.transfer-reason.invalid-number',
  'pbx-permission': 'page.card.transfer-reason.pbx-permission',
  'pbx-refused': 'page.card.transfer-reason.pbx-refused',
  'pbx-unavailable': 'page.card.transfer-reason.pbx-unavailable',
  failed: 'page.card.transfer-failed',
};

/**
 * How a transfer went, in the operator's language. The helper's English `message` goes on a
 * separate details line, and only where no translated reason says more: from helpers older
 * than `reason`, or for the generic `failed`.
 */
export function transferText(transfer: TransferState): { text: string; technical?: string } {
  if (transfer.ok) return { text: t('page.card.transferred', { to: transfer.to }) };
  const reason = transfer.reason ?? 'failed';
  if (reason !== 'failed') {
    return { text: t('page.card.transfer-failed-because', { reason: t(REASON_KEYS[reason]) }) };
  }
  return {
    text: t(REASON_KEYS.failed),
    ...(transfer.message ? { technical: transfer.message } : {}),
  };
}
