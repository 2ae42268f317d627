import type { CallView } from '../../../shared/protocol';
import { CloseButton } from '../../lib/close-button';
import { t } from '../../lib/i18n/core';
import { isUserGesture } from '../../lib/dom/trusted-event';
import type { CardActions } from './card-actions';
import { CallControls } from './call-controls';
import { CallStateLine } from './call-state-line';
import { CardActionsBar } from './card-actions-bar';
import { CreateLinks } from './create-links';
import { displayNumber } from '../../lib/i18n/format';
import { IdentityView } from './identity-view';
import { OutcomeForm } from './outcome-form';
import { TransferStatus } from './transfer-status';
import { cardElementId } from './element-id';

function directionLabel(call: CallView): string {
  return t(`page.card.${call.direction}`);
}

/** One call: who, its live state, and what the operator can do. Escape closes it. */
export function CallCard({ call, actions }: { call: CallView; actions: CardActions }) {
  const titleId = cardElementId('ct-card', call.callId);
  const number = call.remote.e164 ? displayNumber(call.remote.e164) : call.remote.raw;
  const extensionKey =
    call.direction === 'out' ? 'page.card.extension-out' : 'page.card.extension-in';
  return (
    <article
      class={`card card--${call.state}${call.missed ? ' card--missed' : ''}`}
      aria-labelledby={titleId}
      tabIndex={0}
      data-call-id={call.callId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isUserGesture(event)) {
          event.stopPropagation();
          actions.dismiss(call.callId);
        }
      }}
    >
      <header class="head">
        <div class="head-text">
          <p class="direction">
            {directionLabel(call)}{' '}
            <span class="meta">{t(extensionKey, { extension: call.extension })}</span>
          </p>
          <h2 class="number" id={titleId}>
            {number || '—'}
          </h2>
        </div>
        <CloseButton
          class="dismiss"
          label={t('page.card.dismiss')}
          onClose={(event) => {
            if (isUserGesture(event)) actions.dismiss(call.callId);
          }}
        />
      </header>
      <CallStateLine call={call} />
      <IdentityView call={call} />
      <CreateLinks call={call} />
      <TransferStatus call={call} />
      <CallControls call={call} actions={actions} />
      <CardActionsBar call={call} actions={actions} />
      <OutcomeForm call={call} actions={actions} />
    </article>
  );
}
