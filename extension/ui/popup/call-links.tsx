import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { isWebUrl } from '../common/web-url';

interface CallLink {
  key: string;
  href: string;
  text: string;
  /** Said instead of `text` where the visible word alone is ambiguous in a list; it starts with `text`. */
  label?: string;
}

/** Cabinet pages of whoever the call was with, and its recording, in that order. */
export function callLinks(call: CallView, party: string, time: string): CallLink[] {
  const links: CallLink[] = [];
  const { clients, couriers, deliveries } = call.identity;
  for (const client of clients) {
    if (client.url === undefined || !isWebUrl(client.url)) continue;
    links.push({
      key: `client-${client.code}`,
      href: client.url,
      text: t('shell.journal.link.client'),
      label: t('shell.journal.link.clientNamed', { name: client.company }),
    });
  }
  for (const delivery of deliveries) {
    if (delivery.url === undefined || !isWebUrl(delivery.url)) continue;
    links.push({
      key: `order-${delivery.addressCode}`,
      href: delivery.url,
      text: t('shell.journal.link.order', { order: delivery.orderNumber ?? delivery.orderCode }),
    });
  }
  for (const courier of couriers) {
    if (courier.url === undefined || !isWebUrl(courier.url)) continue;
    links.push({
      key: `courier-${courier.code}`,
      href: courier.url,
      text: t('shell.journal.link.courier'),
      label: t('shell.journal.link.courierNamed', { name: courier.name }),
    });
  }
  if (call.recordingUrl !== undefined && isWebUrl(call.recordingUrl)) {
    links.push({
      key: 'recording',
      href: call.recordingUrl,
      text: t('shell.journal.link.recording'),
      label: t('shell.journal.link.recordingOf', { party, time }),
    });
  }
  return links;
}

/** A compact row of links under a journal entry; nothing when there is nowhere to go. */
export function CallLinks({ call, party, time }: { call: CallView; party: string; time: string }) {
  const links = callLinks(call, party, time);
  if (links.length === 0) return null;
  return (
    <span class="ct-call__links">
      {links.map((link) => (
        <a
          key={link.key}
          class="ct-call__link"
          href={link.href}
          target="_blank"
          rel="noreferrer"
          aria-label={link.label}
        >
          {link.text}
        </a>
      ))}
    </span>
  );
}
