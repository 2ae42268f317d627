import type { Identity, TransferTarget } from '../../../shared/protocol';
import { webUrl } from '../../lib/web-url';

/** The page the "open" action goes to: the client, else the courier, else the order. */
export function firstRelevantUrl(identity: Identity): string | undefined {
  const candidates = [
    ...identity.clients.map((client) => client.url),
    ...identity.couriers.map((courier) => courier.url),
    ...identity.deliveries.map((delivery) => delivery.url),
  ];
  return candidates.map(webUrl).find((url) => url !== undefined);
}

/** Someone the caller can be transferred to, as the card offers them. */
export interface RelatedPerson {
  target: Exclude<TransferTarget, 'number'>;
  name: string;
  /** An E.164 number or an internal extension. */
  number: string;
}

/**
 * The people the caller can be handed to, from what the lookup found: each courier holding
 * one of the caller's parcels (his mobile), the account managers of the caller's client or
 * of the calling courier (their extension), and the sender of the caller's parcels (the
 * client's number). Each number once.
 */
export function relatedPeople(identity: Identity): RelatedPerson[] {
  const people: RelatedPerson[] = [];
  const add = (person: RelatedPerson) => {
    if (!people.some((known) => known.number === person.number)) people.push(person);
  };
  for (const delivery of identity.deliveries) {
    const courier = delivery.courier;
    if (courier?.mobile) add({ target: 'courier', name: courier.name, number: courier.mobile });
  }
  for (const party of [...identity.clients, ...identity.couriers]) {
    const manager = party.manager;
    const extension = manager?.extensions[0];
    if (manager && extension) {
      add({ target: 'manager', name: manager.name ?? manager.user, number: extension });
    }
  }
  for (const delivery of identity.deliveries) {
    const client = delivery.client;
    if (client?.phone) add({ target: 'contact', name: client.company, number: client.phone });
  }
  return people;
}
