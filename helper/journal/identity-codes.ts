import type { Identity } from '../../shared/protocol';
import type { JournalOrderRef } from './entry';

export interface IdentityCodes {
  readonly clientCode?: string;
  readonly contactCode?: string;
  readonly courierCode?: string;
  readonly orders: JournalOrderRef[];
}

/**
 * The codes reports join on. A number may belong to several owners; the first of each
 * kind is the one the card shows first, and every delivery in work is kept.
 */
export function identityCodes(identity: Identity | undefined): IdentityCodes {
  if (identity === undefined) return { orders: [] };
  const client = identity.clients[0];
  const contact = identity.clients.find((c) => c.contact !== undefined)?.contact;
  const courier = identity.couriers[0];
  const seen = new Set<string>();
  const orders: JournalOrderRef[] = [];
  for (const delivery of identity.deliveries) {
    if (seen.has(delivery.addressCode)) continue;
    seen.add(delivery.addressCode);
    orders.push({
      addressCode: delivery.addressCode,
      orderCode: delivery.orderCode,
      ...(delivery.courier ? { courierCode: delivery.courier.code } : {}),
    });
  }
  return {
    ...(client ? { clientCode: client.code } : {}),
    ...(contact ? { contactCode: contact.code } : {}),
    ...(courier ? { courierCode: courier.code } : {}),
    orders,
  };
}
