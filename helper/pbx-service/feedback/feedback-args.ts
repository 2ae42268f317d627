import { customerNumber } from '../agi/customer-number';
import { AgiArgumentError } from '../agi/errors';
import { NamedArgs, requireArg } from '../agi/named-args';
import { FEEDBACK_OUTCOMES, type FeedbackRecord } from './feedback-record';

/** A feedback record from the `feedback` script's arguments, before any lookup. */
export interface ParsedFeedback {
  readonly record: FeedbackRecord;
  /** The courier's number that took the call, when the codes are not known yet. */
  readonly reached: string | undefined;
}

/**
 * Reads `call=…,outcome=…,rating=…,tries=…,customer=…,order=…,delivery=…,courier=…,
 * reached=…,operator=…` as the shipped dialplan passes them.
 */
export function parseFeedbackArgs(
  args: readonly string[],
  defaultCountry: string,
  at: number,
): ParsedFeedback {
  const named = new NamedArgs(args);
  const outcome = requireArg('outcome', named.oneOf('outcome', FEEDBACK_OUTCOMES));
  const rating = outcome === 'rated' ? named.integer('rating', 1, 5) : undefined;
  if (outcome === 'rated' && rating === undefined) {
    throw new AgiArgumentError('rating', 'is missing although the outcome is "rated"');
  }
  return {
    record: {
      callId: requireArg('call', named.callId('call')),
      outcome,
      rating,
      attempts: named.integer('tries', 0, 9) ?? 1,
      customer: customerNumber(named.number('customer'), defaultCountry),
      orderCode: named.code('order'),
      addressCode: named.code('delivery'),
      courierCode: named.code('courier'),
      operatorExtension: named.extension('operator'),
      at,
    },
    reached: named.number('reached'),
  };
}
