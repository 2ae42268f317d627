import * as v from 'valibot';
import { Direction, Extension, PartyNumber, Timestamp } from './common';
import { ConsultState, TransferState } from './call-control';
import { Identity, LookupState } from './identity';

export const CallState = v.picklist([
  'ringing',
  'dialling',
  'answered',
  'answered-elsewhere',
  'ended',
]);
export type CallState = v.InferOutput<typeof CallState>;

export const CallResult = v.picklist([
  'answered',
  'no-answer',
  'busy',
  'failed',
  'cancelled',
  'answered-elsewhere',
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
  /** An attended transfer asked from the card, while the operator consults the person. */
  consult: v.optional(ConsultState),
});
export type CallView = v.InferOutput<typeof CallView>;
