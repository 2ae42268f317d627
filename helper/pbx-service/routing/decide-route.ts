import type { RouteDecision } from './route-decision';
import type { HeldParcel, RoutingFacts } from './routing-facts';

type CourierParcel = HeldParcel & { readonly courierMobile: string };

function reachable(parcel: HeldParcel): parcel is CourierParcel {
  return parcel.courierMobile !== undefined;
}

function courierRoute(parcels: readonly HeldParcel[]): RouteDecision | undefined {
  const candidates = parcels.filter(reachable);
  const [first] = candidates;
  if (first === undefined) return undefined;
  const fallback = [...new Set(candidates.map((parcel) => parcel.courierMobile))].filter(
    (mobile) => mobile !== first.courierMobile,
  );
  return {
    kind: 'courier',
    reason: 'parcel-holder',
    target: first.courierMobile,
    fallback,
    parcel: {
      orderCode: first.orderCode,
      addressCode: first.addressCode,
      courierCode: first.courierCode,
    },
  };
}

function hasAnything(facts: RoutingFacts): boolean {
  return (
    facts.courier !== undefined ||
    facts.contactPerson !== undefined ||
    facts.client !== undefined ||
    facts.parcels.length > 0
  );
}

/**
 * Who takes a call, from what the database knows about the caller. Staff and clients come
 * before parcels: a courier who also awaits a parcel calls as a courier. Among parcels the
 * most recent hand-over wins, and the other holders become the fallback.
 */
export function decideRoute(facts: RoutingFacts): RouteDecision {
  const courierManager = facts.courier?.managerExtensions ?? [];
  if (courierManager.length > 0) {
    return { kind: 'manager', reason: 'courier-manager', extensions: courierManager };
  }
  const contactManager = facts.contactPerson?.managerExtensions ?? [];
  if (contactManager.length > 0) {
    return { kind: 'account-manager', reason: 'contact-manager', extensions: contactManager };
  }
  const clientManager = facts.client?.managerExtensions ?? [];
  if (clientManager.length > 0) {
    return { kind: 'account-manager', reason: 'client-manager', extensions: clientManager };
  }
  return (
    courierRoute(facts.parcels) ?? {
      kind: 'operators',
      reason: hasAnything(facts) ? 'nothing-in-work' : 'unknown-caller',
    }
  );
}
