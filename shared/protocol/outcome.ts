import * as v from 'valibot';
import { CabinetUrl, Extension, RequestId, Timestamp } from './common';

/**
 * What the operator notes on a call (an outcome from the list IT configures, a free-text
 * note, the order it was about) and the "create" links offered for a caller the database
 * does not know.
 */

/** An outcome's code as IT configures it and the journal stores it (`call_journal.outcome`). */
export const OutcomeCode = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,31}$/));

/** The longest note; the journal's `note` column holds as many characters. */
export const NOTE_MAX_LENGTH = 1000;

/** Line breaks and tabs are text; every other control character is refused. */
function isNoteText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return false;
    }
  }
  return true;
}

export const NoteText = v.pipe(
  v.string(),
  v.maxLength(NOTE_MAX_LENGTH),
  v.check(isNoteText, 'must not contain control characters other than line breaks and tabs'),
);

const Label = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
const OrderCode = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/**
 * A text IT configured: `label` in the office's own language (what the journal keeps),
 * `en` the English one the card shows when the operator reads English.
 */
const ConfiguredText = { label: Label, en: v.optional(Label) };

export const OutcomeChoice = v.object({ code: OutcomeCode, ...ConfiguredText });
export type OutcomeChoice = v.InferOutput<typeof OutcomeChoice>;

/** The outcomes the card offers and how long after a call's end it still takes one. */
export const OutcomeSettings = v.object({
  choices: v.pipe(v.array(OutcomeChoice), v.maxLength(50)),
  afterCallMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type OutcomeSettings = v.InferOutput<typeof OutcomeSettings>;

/** A cabinet page for creating a record ("new order", "new client") with the number filled in. */
export const CreateLink = v.object({ ...ConfiguredText, url: CabinetUrl });
export type CreateLink = v.InferOutput<typeof CreateLink>;

/** What the operator noted on a call, as saved; every part is optional but the time. */
export const CallOutcome = v.object({
  code: v.optional(OutcomeCode),
  /** The outcome's `label` when it was saved, so the journal reads without the settings. */
  label: v.optional(Label),
  note: v.optional(NoteText),
  /** The order the operator tied the call to; without it, every order the card showed. */
  order: v.optional(
    v.object({ code: OrderCode, number: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
  ),
  at: Timestamp,
});
export type CallOutcome = v.InferOutput<typeof CallOutcome>;

/**
 * Saves the outcome and note of one of the operator's calls, replacing what was saved
 * before; neither of them clears it. The helper answers `ack`.
 */
export const OutcomeMessage = v.strictObject({
  type: v.literal('call.outcome'),
  id: RequestId,
  callId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  /** Which of the operator's extensions took part: the journal keeps a row per extension. */
  extension: Extension,
  outcome: v.optional(OutcomeCode),
  note: v.optional(NoteText),
  /** One of the orders the card showed (`Delivery.orderCode`). */
  orderCode: v.optional(OrderCode),
});
