import type { ClientIdentity } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { clientStatusLabel } from '../../lib/i18n/status-labels';
import { ManagerLine } from './manager-line';
import { MaybeLink } from './maybe-link';

/** A client company, down to the contact person the number belongs to. */
export function ClientSection({ client }: { client: ClientIdentity }) {
  return (
    <section class="who who--client">
      <h3 class="role">{t('page.card.client')}</h3>
      <p class="name">
        <MaybeLink url={client.url}>{client.company}</MaybeLink>
      </p>
      {client.status && (
        <p class="meta">
          {t('page.card.client-status', { status: clientStatusLabel(client.status) })}
        </p>
      )}
      {client.contact && (
        <p class="contact">
          <span class="label">{t('page.card.contact')}: </span>
          {client.contact.name}
          {client.contact.position && <span class="meta">, {client.contact.position}</span>}
        </p>
      )}
      <ManagerLine manager={client.manager} />
    </section>
  );
}
