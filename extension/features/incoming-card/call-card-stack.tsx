import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import type { CardActions } from './card-actions';
import { CallCard } from './call-card';

interface CallCardStackProps {
  calls: readonly CallView[];
  actions: CardActions;
  /** Read out once when a call starts ringing. */
  announcement: string;
}

/** Concurrent calls, newest first; the live region names a new caller without moving focus. */
export function CallCardStack({ calls, actions, announcement }: CallCardStackProps) {
  return (
    <section class="stack" aria-label={t('page.cards.label')}>
      <div class="sr-only" role="alert" aria-live="assertive" aria-atomic="true">
        {announcement}
      </div>
      {calls.map((call) => (
        <CallCard key={call.callId} call={call} actions={actions} />
      ))}
    </section>
  );
}
