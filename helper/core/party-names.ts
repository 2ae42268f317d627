import type { Identity } from '../../shared/protocol';

/**
 * Everyone the card named for a number, in the card's order: client companies and their
 * contact persons, couriers, the recipients of deliveries; each name once.
 */
export function partyNames(identity: Identity): string[] {
  const names = [
    ...identity.clients.flatMap((client) => [client.company, client.contact?.name]),
    ...identity.couriers.map((courier) => courier.name),
    ...identity.deliveries.map((delivery) => delivery.recipientName),
  ];
  const seen = new Set<string>();
  for (const name of names) {
    const trimmed = name?.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}
