import type { CallControlFailure, TransferState } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { displayNumber } from '../../lib/i18n/format';
import '../../lib/i18n/call-control-strings';

/** Every reason the helper gives has its own sentence; a new reason fails to compile here. */
const REASON_KEYS: Record<CallControlFailure, string> = {
  'not-answered': 'page.control.reason.not-answered',
  'not-connected': 'page.control.reason.not-connected',
  'invalid-number': 'page.control.reason.invalid-number',
  consulting: 'page.control.reason.consulting',
  'no-consultation': 'page.control.reason.no-consultation',
  cancelled: 'page.control.reason.cancelled',
  'target-busy': 'page.control.reason.target-busy',
  'target-no-answer': 'page.control.reason.target-no-answer',
  'target-hung-up': 'page.control.reason.target-hung-up',
  'transfer-not-allowed': 'page.control.reason.transfer-not-allowed',
  'no-transfer-feature': 'page.control.reason.no-transfer-feature',
  'pbx-permission': 'page.control.reason.pbx-permission',
  'pbx-refused': 'page.control.reason.pbx-refused',
  'pbx-unavailable': 'page.control.reason.pbx-unavailable',
  failed: 'page.control.reason.failed',
};

/** An attended transfer that ended this way left the operator with the caller again. */
const BACK_WITH_CALLER: ReadonlySet<CallControlFailure> = new Set([
  'target-busy',
  'target-no-answer',
  'target-hung-up',
]);

/** Why a hang-up or transfer failed, in the operator's language; `to` names the person. */
export function reasonText(reason: CallControlFailure, to: string): string {
  return t(REASON_KEYS[reason], { to: displayNumber(to) });
}

/**
 * How a transfer went, in the operator's language. The helper's English `message` goes on a
 * separate details line, and only for the generic `failed`, where no translated reason
 * says more.
 */
export function transferText(transfer: TransferState): { text: string; technical?: string } {
  const to = displayNumber(transfer.to);
  if (transfer.ok) {
    const key =
      transfer.mode === 'attended'
        ? 'page.control.transferred-attended'
        : 'page.control.transferred';
    return { text: t(key, { to }) };
  }
  const reason = transfer.reason ?? 'failed';
  if (reason === 'cancelled') return { text: t('page.control.transfer-cancelled', { to }) };
  if (reason === 'failed') {
    return {
      text: t('page.control.transfer-failed'),
      ...(transfer.message ? { technical: transfer.message } : {}),
    };
  }
  const text = t('page.control.transfer-failed-because', {
    reason: reasonText(reason, transfer.to),
  });
  return {
    text: BACK_WITH_CALLER.has(reason)
      ? t('page.control.back-with-caller', { reason: text })
      : text,
  };
}
