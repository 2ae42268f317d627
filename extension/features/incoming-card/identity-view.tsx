import { isUnknownIdentity, type CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { ClientSection } from './client-section';
import { CourierSection } from './courier-section';
import { DeliveriesSection } from './deliveries-section';

/** Who calls, as far as the database knows; roles may overlap. */
export function IdentityView({ call }: { call: CallView }) {
  const { identity, lookup } = call;
  return (
    <div class="identity">
      {lookup === 'pending' && <p class="lookup">{t('page.card.lookup.pending')}</p>}
      {lookup === 'unavailable' && (
        <p class="lookup lookup--warn">{t('page.card.lookup.unavailable')}</p>
      )}
      {identity.clients.map((client) => (
        <ClientSection
          key={`client-${client.code}-${client.contact?.code ?? ''}`}
          client={client}
        />
      ))}
      {identity.couriers.map((courier) => (
        <CourierSection key={`courier-${courier.code}`} courier={courier} />
      ))}
      {identity.deliveries.length > 0 && <DeliveriesSection deliveries={identity.deliveries} />}
      {lookup === 'done' && isUnknownIdentity(identity) && (
        <p class="unknown">{t('page.card.unknown')}</p>
      )}
    </div>
  );
}
