import * as v from 'valibot';
import { Extension, hasNoControlCharacters, RawNumber, RequestId, Timestamp } from './common';

/**
 * Call control from the card: hanging up, and transferring the caller blind or after
 * talking to the person first (attended), to anyone. Only the operator's own calls.
 */

const CallId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));

/** Who the caller is sent to, as the operator picked them on the card; `number`: typed in. */
export const TransferTarget = v.picklist(['courier', 'manager', 'contact', 'number']);
export type TransferTarget = v.InferOutput<typeof TransferTarget>;

/** `blind`: the caller goes at once; `attended`: after the operator talked to the person. */
export const TransferMode = v.picklist(['blind', 'attended']);
export type TransferMode = v.InferOutput<typeof TransferMode>;

/**
 * Why a hang-up or transfer asked from the card did not happen, so the card can say it in
 * the operator's language. `failed` is the unforeseen rest, for which only the English
 * `message` has details.
 */
export const CallControlFailure = v.picklist([
  /** Only a call answered on the operator's phone can be transferred. */
  'not-answered',
  /** The operator's phone or the caller left the call before the PBX was asked. */
  'not-connected',
  /** The number or extension cannot be dialled. */
  'invalid-number',
  /** An attended transfer is already going on for this call. */
  'consulting',
  /** There is no attended transfer to complete or cancel. */
  'no-consultation',
  /** The operator cancelled the attended transfer and kept the caller. */
  'cancelled',
  /** The person to transfer to was busy. */
  'target-busy',
  /** The person to transfer to did not answer (or could not be reached). */
  'target-no-answer',
  /** The person to transfer to hung up before the transfer was completed. */
  'target-hung-up',
  /** The PBX did not start the attended transfer: its dialplan does not let this phone transfer. */
  'transfer-not-allowed',
  /** The PBX has no attended-transfer feature code (features.conf). */
  'no-transfer-feature',
  /** The helper's AMI account lacks the privilege the action needs. */
  'pbx-permission',
  /** The PBX answered the action with an error. */
  'pbx-refused',
  /** No connection to the PBX, or no answer from it in time. */
  'pbx-unavailable',
  'failed',
]);
export type CallControlFailure = v.InferOutput<typeof CallControlFailure>;

/**
 * A failure as read from the helper: a reason this side does not know (from a newer
 * helper) reads as `failed`, so the message carrying it still shows.
 */
export const CallControlReason = v.fallback(CallControlFailure, 'failed');

/** The last transfer asked from the card, as the card and the journal show it. */
export const TransferState = v.object({
  target: v.fallback(TransferTarget, 'number'),
  /** Absent in entries journaled before attended transfers existed: those were blind. */
  mode: v.optional(TransferMode),
  /** The number or extension dialled; empty when the transfer was refused before one was found. */
  to: v.pipe(v.string(), v.maxLength(64)),
  ok: v.boolean(),
  at: Timestamp,
  /** Set on every failure. */
  reason: v.optional(CallControlReason),
  /** English detail for logs and the journal. */
  message: v.optional(v.pipe(v.string(), v.maxLength(512))),
});
export type TransferState = v.InferOutput<typeof TransferState>;

/** An attended transfer in progress: the operator rings, then talks to, the person. */
export const ConsultState = v.object({
  target: v.fallback(TransferTarget, 'number'),
  to: v.pipe(v.string(), v.maxLength(64)),
  /** `calling` while the person's phone rings; `talking` once they answered. */
  state: v.picklist(['calling', 'talking']),
  since: Timestamp,
});
export type ConsultState = v.InferOutput<typeof ConsultState>;

const OwnCall = { id: RequestId, callId: CallId, extension: Extension };

/** Ends the operator's part of the call: the caller is released too in a two-party call. */
export const CallHangupMessage = v.strictObject({ type: v.literal('call.hangup'), ...OwnCall });

export const CallTransferMessage = v.strictObject({
  type: v.literal('call.transfer'),
  ...OwnCall,
  /** What the operator typed or picked; control characters are refused: it goes to the PBX. */
  to: v.pipe(RawNumber, v.check(hasNoControlCharacters, 'must not contain control characters')),
  target: TransferTarget,
  mode: TransferMode,
});

/** Completes the attended transfer: the caller and the person are connected, the operator leaves. */
export const CallTransferCompleteMessage = v.strictObject({
  type: v.literal('call.transfer.complete'),
  ...OwnCall,
});

/** Cancels the attended transfer: the person is released, the operator is back with the caller. */
export const CallTransferCancelMessage = v.strictObject({
  type: v.literal('call.transfer.cancel'),
  ...OwnCall,
});

/** The answer to each of the messages above. */
export const CallControlResultMessage = v.object({
  type: v.literal('call.control.result'),
  id: RequestId,
  ok: v.boolean(),
  /** The number or extension dialled, for transfers. */
  to: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** Set on failures. */
  reason: v.optional(CallControlReason),
  message: v.optional(v.pipe(v.string(), v.maxLength(512))),
});
