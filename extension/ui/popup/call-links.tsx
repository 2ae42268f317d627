import type { CallView } from '../../../shared/protocol';
import { t } from '../../lib/i18n/core';
import { webUrl } from '../../lib/web-url';

interface CallLink {
  key: string;
  href: string;
  text: string;
  /** Said instead of `text` where the visible word alone is ambiguous in a list; it starts with `text`. */
  label?: string;
}

/** Cabinet pages of whoever the call was with, and its recording, in that order. */
export function callLinks(call: CallView, party: string, time: string): CallLink[] {
  const { clients, couriers, deliveries } = call.identity;
  const candidates: (Omit<CallLink, 'href'> & { href: string | undefined })[] = [
    ...clients.map((client) => ({
      key: `client-${client.code}`,
      href: client.url,
      text: t('shell.journal.link.client'),
      label: t('shell.journal.link.clientNamed', { name: client.company }),
    })),
    ...deliveries.map((delivery) => ({
      key: `order-${delivery.addressCode}`,
      href: delivery.url,
      text: t('shell.journal.link.order', { order: delivery.orderNumber ?? delivery.orderCode }),
    })),
    ...couriers.map((courier) => ({
      key: `courier-${courier.code}`,
      href: courier.url,
      text: t('shell.journal.link.courier'),
      label: t('shell.journal.link.courierNamed', { name: courier.name }),
    })),
    {
      key: 'recording',
      href: call.recordingUrl,
      text: t('shell.journal.link.recording'),
      label: t('shell.journal.link.recordingOf', { party, time }),
    },
  ];
  return candidates.flatMap((link) => {
    const href = webUrl(link.href);
    return href === undefined ? [] : [{ ...link, href }];
  });
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
