import type { AgiHandler } from '../agi/fastagi-server';
import { errorSummary, type ServiceLogger } from '../agi/logger';
import type { RecentCallbacks } from './callback-memory';
import { callerDbKey } from './caller-number';
import { LookupDeadlineError, withDeadline } from './deadline';
import { decideRoute } from './decide-route';
import { operatorsRoute, type RouteDecision } from './route-decision';
import { routeVariables } from './route-variables';
import type { RoutingDirectory } from './routing-facts';

export interface RouteCallOptions {
  readonly directory: RoutingDirectory;
  readonly recentCallbacks?: RecentCallbacks;
  /** The database must answer within this, or the call takes the fallback. */
  readonly timeoutMs: number;
  readonly defaultCountry: string;
  readonly logger: ServiceLogger;
  /** Sees every decision once it is on the channel (metrics, tests). */
  readonly onDecision?: (decision: RouteDecision, context: RouteContext) => void;
}

export interface RouteContext {
  readonly uniqueid: string;
  readonly elapsedMs: number;
}

/** Decides one route; never rejects: every failure is an operators route with its reason. */
export async function decideCallRoute(
  dbKey: string | undefined,
  options: RouteCallOptions,
  signal: AbortSignal,
): Promise<RouteDecision> {
  if (dbKey === undefined) return operatorsRoute('no-caller-id');
  const memory = options.recentCallbacks;
  try {
    return await withDeadline(
      async (deadline) => {
        // Both at once: the memory answers for a recipient a courier just called, the
        // parcels for everyone else, and neither waits for the other.
        const [remembered, facts] = await Promise.allSettled([
          memory === undefined ? Promise.resolve(undefined) : memory.recall(dbKey, deadline),
          options.directory.find(dbKey, deadline),
        ]);
        if (remembered.status === 'rejected') {
          options.logger.warn(
            errorSummary(remembered.reason),
            'recent callbacks unreadable; the call is routed by its parcels',
          );
        } else if (remembered.value !== undefined) {
          return {
            kind: 'courier',
            reason: 'recent-callback',
            target: remembered.value.courierMobile,
            fallback: [],
            parcel: remembered.value.parcel,
          };
        }
        if (facts.status === 'rejected') throw facts.reason;
        return decideRoute(facts.value);
      },
      options.timeoutMs,
      signal,
      'server.routeTimeoutMs',
    );
  } catch (error) {
    const timedOut = error instanceof LookupDeadlineError;
    options.logger.warn(
      errorSummary(error),
      'routing lookup failed; the call goes to the operators',
    );
    return operatorsRoute(timedOut ? 'timeout' : 'database-unavailable');
  }
}

/**
 * The `route_call` script: looks the caller up and sets the route variables. The dialplan
 * sets the operators' route before calling it, so even a service that never answers
 * leaves a usable route; this handler answers within the deadline in every case.
 */
export function createRouteCallHandler(options: RouteCallOptions): AgiHandler {
  return async (session, signal) => {
    const started = performance.now();
    const environment = session.environment;
    const decision = await decideCallRoute(
      callerDbKey(environment, options.defaultCountry),
      options,
      signal,
    );
    await session.setVariables(routeVariables(decision));
    const elapsedMs = performance.now() - started;
    options.logger.info(
      { uniqueid: environment.uniqueid, kind: decision.kind, reason: decision.reason, elapsedMs },
      'call routed',
    );
    options.onDecision?.(decision, { uniqueid: environment.uniqueid, elapsedMs });
  };
}
