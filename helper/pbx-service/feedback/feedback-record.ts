export const FEEDBACK_OUTCOMES = ['rated', 'no-input', 'invalid'] as const;
/** `rated`: a key from 1 to 5; `no-input`: no key at all; `invalid`: other keys only. */
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number];

/** The customer's answer to the post-call question, with what the call was about. */
export interface FeedbackRecord {
  /** Asterisk's Linkedid: the same call id as the journal's. */
  readonly callId: string;
  readonly outcome: FeedbackOutcome;
  /** 1 to 5 when `outcome` is `rated`. */
  readonly rating: number | undefined;
  readonly attempts: number;
  readonly customer: { readonly e164: string; readonly dbKey: string } | undefined;
  readonly orderCode: string | undefined;
  readonly addressCode: string | undefined;
  readonly courierCode: string | undefined;
  readonly operatorExtension: string | undefined;
  /** When the answer was given (ms since the epoch). */
  readonly at: number;
}

/** Where feedback ends up; rejects when it could not be written. */
export interface FeedbackStore {
  save(record: FeedbackRecord): Promise<void>;
}
