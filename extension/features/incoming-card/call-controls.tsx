import { useState } from 'preact/hooks';
import type { CallControlFailure, CallView, ConsultState } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { displayNumber, formatClock } from '../../lib/i18n/format';
import '../../lib/i18n/call-control-strings';
import type { CallControlReply } from '../../lib/runtime-messages';
import type { CardActions, CardControl } from './card-actions';
import { onGesture } from './on-gesture';
import { reasonText } from './transfer-text';
import { TransferPanel } from './transfer-panel';
import { useNow } from './use-now';
import { cardElementId } from './element-id';

/** Ends of an attended transfer the helper also puts on the call's transfer line. */
const ON_TRANSFER_LINE: ReadonlySet<CallControlFailure> = new Set([
  'cancelled',
  'target-busy',
  'target-no-answer',
  'target-hung-up',
]);

/** Whether the card's transfer line already says how this request went. */
function shownOnTransferLine(request: CardControl, reply: CallControlReply): boolean {
  if (reply.reason === undefined) return false;
  return request.action === 'transfer' || ON_TRANSFER_LINE.has(reply.reason);
}

function failureText(reply: CallControlReply, to: string): string {
  const reason = reply.reason
    ? reasonText(reply.reason, to)
    : (reply.message ?? t('page.control.reason.failed'));
  return t('page.control.failed', { reason });
}

function ConsultLine({ consult }: { consult: ConsultState }) {
  const talking = consult.state === 'talking';
  const now = useNow(talking);
  const to = displayNumber(consult.to);
  return (
    <p class="consult">
      {talking
        ? t('page.control.consult-talking', {
            to,
            time: formatClock((now - consult.since) / 1000),
          })
        : t('page.control.consult-calling', { to })}
    </p>
  );
}

/**
 * The operator's control of their own call: hang up (or decline while it rings), and once
 * answered, transfer — at once, or after talking to the person, then connect or go back to
 * the caller. Results are announced politely; transfers also show on the transfer line.
 */
export function CallControls({ call, actions }: { call: CallView; actions: CardActions }) {
  const [panelOpen, setPanelOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState('');
  if (call.state === 'ended' || call.state === 'answered-elsewhere') return null;

  const own = { callId: call.callId, extension: call.extension };
  const panelId = cardElementId('ct-transfer', call.callId);
  const consult = call.consult;
  const answered = call.state === 'answered';

  const run = (request: CardControl, to = '') => {
    setBusy(true);
    setFeedback('');
    void actions.control(request).then((reply) => {
      setBusy(false);
      if (!reply.ok && !shownOnTransferLine(request, reply)) setFeedback(failureText(reply, to));
      if (reply.ok && request.action === 'transfer') setPanelOpen(false);
    });
  };

  return (
    <div class="controls" role="group" aria-label={t('page.control.label')}>
      {consult ? (
        <>
          <ConsultLine consult={consult} />
          <div class="actions">
            <button
              type="button"
              class="action action--primary"
              disabled={busy}
              onClick={onGesture(() => run({ ...own, action: 'complete' }, consult.to))}
            >
              {t('page.control.complete')}
            </button>
            <button
              type="button"
              class="action"
              disabled={busy}
              onClick={onGesture(() => run({ ...own, action: 'cancel' }, consult.to))}
            >
              {t('page.control.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="action action--hangup"
            disabled={busy}
            onClick={onGesture(() => run({ ...own, action: 'hangup' }))}
          >
            {call.state === 'ringing' && call.direction !== 'out'
              ? t('page.control.decline')
              : t('page.control.hangup')}
          </button>
          {answered && (
            <button
              type="button"
              class="action"
              aria-expanded={panelOpen}
              aria-controls={panelId}
              onClick={onGesture(() => setPanelOpen(!panelOpen))}
            >
              {panelOpen ? t('page.control.transfer-close') : t('page.control.transfer-open')}
            </button>
          )}
        </div>
      )}
      {panelOpen && answered && !consult && (
        <TransferPanel
          id={panelId}
          call={call}
          busy={busy}
          onTransfer={(to, target, mode) =>
            run({ ...own, action: 'transfer', to, target, mode }, to)
          }
          onClose={() => setPanelOpen(false)}
        />
      )}
      <p class="control-status" role="status" aria-live="polite">
        {busy ? t('page.control.working') : feedback}
      </p>
    </div>
  );
}
