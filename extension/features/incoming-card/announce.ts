import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { displayNumber } from '../../lib/i18n/format';

/** One sentence for screen readers when a call starts ringing: direction, number, who. */
export function announceCall(call: CallView): string {
  const { clients, couriers, deliveries } = call.identity;
  const client = clients[0];
  const who = client
    ? [client.company, client.contact?.name].filter(Boolean).join(', ')
    : (couriers[0]?.name ??
      deliveries.find((delivery) => delivery.recipientName)?.recipientName ??
      '');
  return t('page.card.announce', {
    direction: t(`page.card.${call.direction}`),
    number: call.remote.e164 ? displayNumber(call.remote.e164) : call.remote.raw,
    who,
  }).trim();
}
