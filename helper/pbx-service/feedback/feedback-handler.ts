import type { AgiHandler } from '../agi/fastagi-server';
import { errorSummary, type ServiceLogger } from '../agi/logger';
import { withDeadline } from '../routing/deadline';
import type { ParcelFinder } from '../routing/parcel-finder';
import { parseFeedbackArgs, type ParsedFeedback } from './feedback-args';
import type { FeedbackRecord } from './feedback-record';
import type { FeedbackRecorder } from './feedback-recorder';

export interface FeedbackHandlerOptions {
  readonly recorder: FeedbackRecorder;
  /** Finds the parcel when a fallback courier took the call; without it the codes stay empty. */
  readonly parcels?: ParcelFinder;
  readonly lookupTimeoutMs: number;
  readonly defaultCountry: string;
  readonly logger: ServiceLogger;
  readonly now?: () => number;
}

async function withParcel(
  parsed: ParsedFeedback,
  options: FeedbackHandlerOptions,
  signal: AbortSignal,
): Promise<FeedbackRecord> {
  const { record, reached } = parsed;
  const finder = options.parcels;
  if (record.orderCode !== undefined || reached === undefined || record.customer === undefined) {
    return record;
  }
  if (finder === undefined) return record;
  const customer = record.customer.dbKey;
  try {
    const parcel = await withDeadline(
      (deadline) => finder.parcelHeldBy(customer, reached, deadline),
      options.lookupTimeoutMs,
      signal,
      'server.lookupTimeoutMs',
    );
    return parcel === undefined ? record : { ...record, ...parcel };
  } catch (error) {
    options.logger.warn(errorSummary(error), 'the feedback is stored without its parcel');
    return record;
  }
}

/**
 * The `feedback` script: stores the customer's rating (or that none came) with the call's
 * order, courier and operator. The write happens in the background; the dialplan goes on
 * to thank the caller at once.
 */
export function createFeedbackHandler(options: FeedbackHandlerOptions): AgiHandler {
  const now = options.now ?? Date.now;
  return async (session, signal) => {
    const parsed = parseFeedbackArgs(session.environment.args, options.defaultCountry, now());
    options.recorder.record(await withParcel(parsed, options, signal));
  };
}
