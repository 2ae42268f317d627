import type { CallView, Identity } from '../../../shared/protocol';
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

export interface TransferOption {
  target: 'courier' | 'manager';
  courierCode?: string;
  name?: string;
}

/**
 * Transfers offered on a call answered here: to each courier holding one of
 * the caller's parcels, and to the account manager when one has an extension.
 */
export function transferOptions(call: CallView): TransferOption[] {
  if (call.state !== 'answered') return [];
  const options: TransferOption[] = [];
  const couriers = new Set<string>();
  for (const delivery of call.identity.deliveries) {
    const courier = delivery.courier;
    if (!courier || couriers.has(courier.code)) continue;
    couriers.add(courier.code);
    options.push({ target: 'courier', courierCode: courier.code, name: courier.name });
  }
  const manager = [...call.identity.clients, ...call.identity.couriers]
    .map((party) => party.manager)
    .find((candidate) => candidate && candidate.extensions.length > 0);
  if (manager) options.push({ target: 'manager', name: manager.name ?? manager.user });
  return options;
}
