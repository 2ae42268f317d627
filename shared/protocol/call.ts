import * as v from 'valibot';
import { Direction, Extension, PartyNumber, Timestamp } from './common';
import { ConsultState, TransferState } from './call-control';
import { Identity, LookupState } from './identity';
import { CallOutcome, CreateLink } from './outcome';

export const CallState = v.picklist([
  'ringing',
  'dialling',
  'answered',
  'answered-elsewhere',
  'ended',
]);
export type CallState = v.InferOutput<typeof CallState>;

/**
 * How an extension's part in a call ended. `busy`: the phone was busy (refused without
 * ringing); `declined`: it rang and the operator rejected it; `answered-elsewhere`: another
 * phone took it.
 */
export const CallResult = v.picklist([
  'answered',
  'no-answer',
  'busy',
  'failed',
  'cancelled',
  'answered-elsewhere',
  'declined',
]);
export type CallResult = v.InferOutput<typeof CallResult>;

/**
 * One logical call (keyed by the PBX's Linkedid) as seen by one of the
 * operator's extensions. Sent whole on every change so a late joiner needs
 * no history.
 */
export const CallView = v.object({
  callId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  extension: Extension,
  direction: Direction,
  state: CallState,
  remote: PartyNumber,
  origin: v.picklist(['pbx', 'click-to-call']),
  identity: Identity,
  lookup: LookupState,
  startedAt: Timestamp,
  answeredAt: v.optional(Timestamp),
  endedAt: v.optional(Timestamp),
  talkSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  result: v.optional(CallResult),
  answeredBy: v.optional(v.pipe(v.string(), v.maxLength(64))),
  recordingUrl: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  missed: v.optional(v.boolean()),
  transfer: v.optional(TransferState),
  /** What the operator noted on the call. */
  outcome: v.optional(CallOutcome),
  /** For a caller the database does not know: the cabinet pages that create one. */
  createLinks: v.optional(v.pipe(v.array(CreateLink), v.maxLength(10))),
  /**
   * On the last view of a call the extension left for another (a directed pickup: its own
   * call to the pickup code became the call it picked up): that call's id. Such a view is no
   * call of its own — no card, no journal entry; the extension's part goes on under the new id.
   */
  movedTo: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
  /** An attended transfer asked from the card, while the operator consults the person. */
  consult: v.optional(ConsultState),
  /**
   * On an ended view: the helper did not see the end (its PBX link was down; the call was
   * gone from the PBX's list when it came back), so the result is the state last seen and
   * `endedAt` the moment the helper noticed.
   */
  endUnseen: v.optional(v.literal(true)),
});
export type CallView = v.InferOutput<typeof CallView>;
