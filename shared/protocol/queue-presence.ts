import * as v from 'valibot';
import { Extension, hasNoControlCharacters, RequestId, Timestamp } from './common';

/**
 * Queue presence: the operator's membership in the PBX's queues, read from the PBX (never
 * remembered by the helper), and pausing in all of them at once.
 */

/** One queue one of the operator's extensions is a member of, and whether it is paused there. */
export const QueueMembership = v.object({
  queue: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  extension: Extension,
  paused: v.boolean(),
  /** The reason given with the pause, by whoever paused. */
  reason: v.optional(v.pipe(v.string(), v.maxLength(256))),
  /** When the current pause began, as the PBX reports it. */
  pausedSince: v.optional(Timestamp),
});
export type QueueMembership = v.InferOutput<typeof QueueMembership>;

/** Longest pause reason sent to the PBX (its queue log and supervisors' screens show it). */
export const MAX_PAUSE_REASON = 64;

/** Pauses (or unpauses) the operator in every queue they are a member of; answered by `ack`. */
export const QueuePauseMessage = v.strictObject({
  type: v.literal('queue.pause'),
  id: RequestId,
  paused: v.boolean(),
  reason: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(MAX_PAUSE_REASON),
      v.check(hasNoControlCharacters, 'must not contain control characters'),
    ),
  ),
});
