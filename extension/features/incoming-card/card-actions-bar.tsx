import { useState } from 'preact/hooks';
import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { isUserGesture } from '../../lib/dom/trusted-event';
import type { CardActions } from './card-actions';
import { firstRelevantUrl, transferOptions, type TransferOption } from './card-links';
import { RecordingLink } from './recording-link';

/** Runs a handler only for the user's own clicks, never for script-dispatched ones. */
function onGesture(handler: () => void): (event: Event) => void {
  return (event) => {
    if (isUserGesture(event)) handler();
  };
}

function transferLabel(option: TransferOption): string {
  if (option.target === 'courier')
    return t('page.card.transfer-courier', { name: option.name ?? '' });
  return option.name
    ? t('page.card.transfer-manager-name', { name: option.name })
    : t('page.card.transfer-manager');
}

export function CardActionsBar({ call, actions }: { call: CallView; actions: CardActions }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = firstRelevantUrl(call.identity);
  const number = call.remote.e164 ?? call.remote.raw;
  const transfers = transferOptions(call);
  const canCallBack = call.state === 'ended' && call.missed === true && !!call.remote.e164;
  return (
    <div class="actions">
      {canCallBack && call.remote.e164 && (
        <button
          type="button"
          class="action action--primary"
          onClick={onGesture(() => actions.callBack(call.remote.e164 as string))}
        >
          {t('page.card.call-back')}
        </button>
      )}
      <RecordingLink call={call} />
      {url && (
        <button type="button" class="action" onClick={onGesture(() => actions.open(url))}>
          {t('page.card.open')}
        </button>
      )}
      {number && (
        <button
          type="button"
          class="action"
          onClick={onGesture(() => {
            void actions.copy(number).then((ok) => setCopied(ok ? 'copied' : 'failed'));
          })}
        >
          {t('page.card.copy')}
        </button>
      )}
      {transfers.map((option) => (
        <button
          key={`${option.target}-${option.courierCode ?? ''}`}
          type="button"
          class="action action--transfer"
          onClick={onGesture(() =>
            actions.transfer(call.callId, option.target, option.courierCode),
          )}
        >
          {transferLabel(option)}
        </button>
      ))}
      <span class="feedback" role="status" aria-live="polite">
        {copied === 'copied' && t('page.card.copied')}
        {copied === 'failed' && t('page.card.copy-failed')}
      </span>
    </div>
  );
}
