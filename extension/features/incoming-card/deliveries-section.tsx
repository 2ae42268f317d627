import type { Delivery } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { formatDatabaseDate, formatMoney } from '../../lib/i18n/format';
import { deliveryStatusLabel } from '../../lib/i18n/status-labels';
import { MaybeLink } from './maybe-link';

function DeliveryItem({ delivery }: { delivery: Delivery }) {
  const date = delivery.date === undefined ? undefined : formatDatabaseDate(delivery.date);
  const when = [date, delivery.interval].filter(Boolean).join(', ');
  return (
    <li class="delivery">
      <p class="name">
        <MaybeLink url={delivery.url}>
          {t('page.card.order', { number: delivery.orderNumber ?? delivery.orderCode })}
        </MaybeLink>
        {delivery.status && <span class="badge">{deliveryStatusLabel(delivery.status)}</span>}
      </p>
      {when && <p class="meta">{when}</p>}
      {delivery.address && <p class="meta">{delivery.address}</p>}
      {delivery.cod !== undefined && delivery.cod > 0 && (
        <p class="meta">
          {t('page.card.cod', { amount: formatMoney(delivery.cod, delivery.currency) })}
        </p>
      )}
      {delivery.client && (
        <p class="meta">{t('page.card.sender', { company: delivery.client.company })}</p>
      )}
      {delivery.courier && (
        <p class="meta">
          {t('page.card.held-by')}{' '}
          <MaybeLink url={delivery.courier.url}>{delivery.courier.name}</MaybeLink>
        </p>
      )}
    </li>
  );
}

/** A recipient: their name and every delivery in work for the number, with who holds it. */
export function DeliveriesSection({ deliveries }: { deliveries: Delivery[] }) {
  const names = [...new Set(deliveries.map((delivery) => delivery.recipientName).filter(Boolean))];
  return (
    <section class="who who--recipient">
      <h3 class="role">{t('page.card.recipient')}</h3>
      {names.length > 0 && <p class="name">{names.join(', ')}</p>}
      <p class="meta">{t('page.card.deliveries', { count: deliveries.length })}</p>
      <ul class="deliveries">
        {deliveries.map((delivery) => (
          <DeliveryItem key={delivery.addressCode} delivery={delivery} />
        ))}
      </ul>
    </section>
  );
}
