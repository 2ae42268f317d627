import type { RouteReason } from './route-kinds';

/** The parcel a courier route is about: what the journal and the feedback link to. */
export interface RoutedParcel {
  readonly orderCode: string;
  readonly addressCode: string;
  readonly courierCode: string;
}

/** Where one call goes. Numbers, extensions and codes only: never a name. */
export type RouteDecision =
  | {
      readonly kind: 'courier';
      readonly reason: Extract<RouteReason, 'parcel-holder' | 'recent-callback'>;
      /** The courier's mobile, `+E.164`. */
      readonly target: string;
      /** Other couriers holding the caller's parcels, tried when the first does not answer. */
      readonly fallback: readonly string[];
      readonly parcel: RoutedParcel;
    }
  | {
      readonly kind: 'manager';
      readonly reason: 'courier-manager';
      readonly extensions: readonly string[];
    }
  | {
      readonly kind: 'account-manager';
      readonly reason: 'contact-manager' | 'client-manager';
      readonly extensions: readonly string[];
    }
  | { readonly kind: 'operators'; readonly reason: RouteReason };

export function operatorsRoute(reason: RouteReason): RouteDecision {
  return { kind: 'operators', reason };
}
