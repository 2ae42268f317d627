import type { LookupQueryName } from '../config/types';

/**
 * Column aliases each query must return; the helper reads rows by these names
 * only, so a deployment's own SQL keeps them.
 */
export const REQUIRED_ALIASES: Readonly<Record<LookupQueryName, readonly string[]>> = {
  client: ['clientCode', 'company'],
  contactPerson: ['contactCode', 'contactName', 'clientCode', 'company'],
  courier: ['courierCode', 'courierName'],
  deliveries: ['addressCode', 'orderCode'],
  parcelHolders: ['addressCode', 'orderCode', 'courierCode', 'courierName'],
  operatorExtensions: ['extensions'],
};
