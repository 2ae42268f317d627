import * as v from 'valibot';
import { Extension, RequestId, Timestamp } from './common';

/**
 * Where a journal page ends: the last call on it. Pages run newest first by start time,
 * then call id, then extension, so the next page starts strictly after this key.
 */
export const JournalCursor = v.strictObject({
  startedAt: Timestamp,
  callId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  extension: Extension,
});
export type JournalCursor = v.InferOutput<typeof JournalCursor>;

export const JournalQueryMessage = v.strictObject({
  type: v.literal('journal.query'),
  id: RequestId,
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  /** The next page: the calls after this one. */
  cursor: v.optional(JournalCursor),
  /** Calls that started at or after this time… */
  from: v.optional(Timestamp),
  /** …and before this one. */
  to: v.optional(Timestamp),
  missedOnly: v.optional(v.boolean()),
  /**
   * A number in any writing (its digits are matched), or a text found in the caller's
   * name, the outcome, the note or the order number.
   */
  search: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
