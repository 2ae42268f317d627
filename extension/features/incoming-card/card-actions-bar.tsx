import { useState } from 'preact/hooks';
import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import type { CardActions } from './card-actions';
import { firstRelevantUrl } from './card-links';
import { onGesture } from './on-gesture';
import { RecordingLink } from './recording-link';

export function CardActionsBar({ call, actions }: { call: CallView; actions: CardActions }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const url = firstRelevantUrl(call.identity);
  const number = call.remote.e164 ?? call.remote.raw;
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
      <span class="feedback" role="status" aria-live="polite">
        {copied === 'copied' && t('page.card.copied')}
        {copied === 'failed' && t('page.card.copy-failed')}
      </span>
    </div>
  );
}
