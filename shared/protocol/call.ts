import * as v from 'valibot';
import { Direction, Extension, PartyNumber, Timestamp } from './common';
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
 * Why a transfer asked from the card did not happen, so the card can say it in the
 * operator's language. One value per way the helper's transfer fails; `failed` is the
 * unforeseen rest, for which only the English `message` has details.
 */
export const TransferFailure = v.picklist([
  /** The call is not answered on the operator's phone (still ringing, or answered elsewhere). */
  'not-answered',
  /** The operator's phone or the caller left the call before the PBX was asked. */
  'not-connected',
  /** None of the caller's parcels is with a courier now. */
  'no-courier',
  /** The courier chosen on the card holds none of the caller's parcels. */
  'courier-not-holding',
  /** Several couriers hold the caller's parcels and none was chosen. */
  'several-couriers',
  /** The courier card has no mobile number to transfer to. */
  'no-courier-mobile',
  /** The caller has no account manager with an internal number. */
  'no-manager',
  /** The number or extension written in the cabinet cannot be dialled. */
  'invalid-number',
  /** The helper's AMI account lacks the privilege the transfer needs. */
  'pbx-permission',
  /** The PBX answered the transfer with an error. */
  'pbx-refused',
  /** No connection to the PBX, or no answer from it in time. */
  'pbx-unavailable',
  'failed',
]);
export type TransferFailure = v.InferOutput<typeof TransferFailure>;

/**
 * A transfer failure as read from the helper: a reason this side does not know (from a
 * newer helper) reads as `failed`, so the message carrying it still shows.
 */
export const TransferReason = v.fallback(TransferFailure, 'failed');

export const TransferState = v.object({
  target: v.picklist(['courier', 'manager']),
  /** The number or extension dialled; empty when the transfer was refused before one was found. */
  to: v.pipe(v.string(), v.maxLength(64)),
  ok: v.boolean(),
  at: Timestamp,
  /** Set on every failure by current helpers; older ones send only `message`. */
  reason: v.optional(TransferReason),
  /** English detail for logs and the journal. */
  message: v.optional(v.pipe(v.string(), v.maxLength(512))),
});
export type TransferState = v.InferOutput<typeof TransferState>;

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
});
export type CallView = v.InferOutput<typeof CallView>;
