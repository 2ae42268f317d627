import type { RoutedParcel } from './route-decision';
import type { RoutingDirectory } from './routing-facts';

/**
 * Which of a customer's parcels a given courier holds: for a call that a fallback courier
 * took, where the dialplan only knows the number that answered.
 */
export interface ParcelFinder {
  parcelHeldBy(
    customerDbKey: string,
    courierMobile: string,
    signal: AbortSignal,
  ): Promise<RoutedParcel | undefined>;
}

export function directoryParcelFinder(directory: RoutingDirectory): ParcelFinder {
  return {
    async parcelHeldBy(customerDbKey, courierMobile, signal) {
      const facts = await directory.find(customerDbKey, signal);
      const parcel = facts.parcels.find((held) => held.courierMobile === courierMobile);
      return parcel === undefined
        ? undefined
        : {
            orderCode: parcel.orderCode,
            addressCode: parcel.addressCode,
            courierCode: parcel.courierCode,
          };
    },
  };
}
