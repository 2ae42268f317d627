import type { AgiHandler } from '../agi/fastagi-server';
import { errorSummary, type ServiceLogger } from '../agi/logger';
import { withDeadline } from '../routing/deadline';
import type { ParcelFinder } from '../routing/parcel-finder';
import type { CallbackStatusBoard } from './callback-status';
import type { CourierCall } from './courier-call';
import { parseCourierCallArgs } from './courier-call-args';
import { courierCallEntry, resultOf } from './courier-call-entry';
import type { JournalSink } from './journal-sink';

export interface CourierJournalHandlerOptions {
  readonly journal: JournalSink;
  /** Finds the parcel when a fallback courier took the call. */
  readonly parcels?: ParcelFinder;
  /** Told when a callback's call ended. */
  readonly callbacks?: CallbackStatusBoard;
  readonly lookupTimeoutMs: number;
  readonly defaultCountry: string;
  readonly logger: ServiceLogger;
  readonly now?: () => number;
}

async function withParcel(
  call: CourierCall,
  options: CourierJournalHandlerOptions,
  signal: AbortSignal,
): Promise<CourierCall> {
  const finder = options.parcels;
  const { customer, courierMobile } = call;
  if (call.parcel.orderCode !== undefined || finder === undefined) return call;
  if (customer === undefined || courierMobile === undefined) return call;
  try {
    const parcel = await withDeadline(
      (deadline) => finder.parcelHeldBy(customer.dbKey, courierMobile, deadline),
      options.lookupTimeoutMs,
      signal,
      'server.lookupTimeoutMs',
    );
    return parcel === undefined ? call : { ...call, parcel };
  } catch (error) {
    options.logger.warn(errorSummary(error), 'the courier call is journaled without its parcel');
    return call;
  }
}

/**
 * The `journal` script, run from the hangup handler of courier calls (F4, F7): journals the
 * call with its order in the operators' call journal.
 */
export function createCourierJournalHandler(options: CourierJournalHandlerOptions): AgiHandler {
  const now = options.now ?? Date.now;
  return async (session, signal) => {
    const parsed = parseCourierCallArgs(session.environment.args, options.defaultCountry, now());
    const call = await withParcel(parsed, options, signal);
    await options.journal.record({ kind: 'entry', entry: courierCallEntry(call) });
    if (call.callbackId !== undefined)
      options.callbacks?.ended(call.callbackId, resultOf(call.status));
    options.logger.info(
      { callId: call.callId, kind: call.kind, status: call.status, order: call.parcel.orderCode },
      'courier call journaled',
    );
  };
}
