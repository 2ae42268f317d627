import {
  EMPTY_VALUE,
  channelVariable,
  codeValue,
  kindValue,
  numberListValue,
  numberValue,
  type ChannelValue,
  type ChannelVariable,
} from '../agi/channel-value';
import type { RouteDecision } from './route-decision';
import { ROUTE_KINDS, ROUTE_REASONS } from './route-kinds';

/**
 * The variables of a route. The dialplan clears them all before it asks (the operators'
 * route, no targets, no codes), so only the kind, the reason and what is not empty are sent.
 */
export const ROUTE_VARIABLES = {
  kind: channelVariable('CT_ROUTE_KIND'),
  reason: channelVariable('CT_ROUTE_REASON'),
  targets: channelVariable('CT_ROUTE_TARGETS'),
  fallback: channelVariable('CT_ROUTE_FALLBACK'),
  order: channelVariable('CT_ORDER'),
  delivery: channelVariable('CT_DELIVERY'),
  courier: channelVariable('CT_COURIER'),
} as const;

export type ChannelAssignment = readonly [ChannelVariable, ChannelValue];

function targetsOf(decision: RouteDecision): ChannelValue {
  switch (decision.kind) {
    case 'courier':
      return numberValue(decision.target, 'CT_ROUTE_TARGETS');
    case 'manager':
    case 'account-manager':
      return numberListValue(decision.extensions, 'CT_ROUTE_TARGETS');
    case 'operators':
      return EMPTY_VALUE;
  }
}

/** The route as channel variables: kinds, numbers and codes, each validated; empty ones left out. */
export function routeVariables(decision: RouteDecision): ChannelAssignment[] {
  const assignments: ChannelAssignment[] = [
    [ROUTE_VARIABLES.kind, kindValue(decision.kind, ROUTE_KINDS, 'CT_ROUTE_KIND')],
    [ROUTE_VARIABLES.reason, kindValue(decision.reason, ROUTE_REASONS, 'CT_ROUTE_REASON')],
    [ROUTE_VARIABLES.targets, targetsOf(decision)],
  ];
  if (decision.kind === 'courier') {
    const { parcel, fallback } = decision;
    assignments.push(
      [ROUTE_VARIABLES.fallback, numberListValue(fallback, 'CT_ROUTE_FALLBACK')],
      [ROUTE_VARIABLES.order, codeValue(parcel.orderCode, 'CT_ORDER')],
      [ROUTE_VARIABLES.delivery, codeValue(parcel.addressCode, 'CT_DELIVERY')],
      [ROUTE_VARIABLES.courier, codeValue(parcel.courierCode, 'CT_COURIER')],
    );
  }
  return assignments.filter(
    ([name, value]) =>
      value !== EMPTY_VALUE || name === ROUTE_VARIABLES.kind || name === ROUTE_VARIABLES.reason,
  );
}
