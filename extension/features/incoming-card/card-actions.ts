import type {
  CallControlAction,
  CallControlReply,
  OutcomeNote,
  OutcomeReply,
} from '../../lib/runtime-messages';

/** A card's hang-up or transfer. */
export type CardControl = CallControlAction;

/** What a card can ask for; the incoming-card feature carries each out. */
export interface CardActions {
  open(url: string): void;
  /** Resolves to false when the page does not allow writing to the clipboard. */
  copy(text: string): Promise<boolean>;
  dismiss(callId: string): void;
  /** Hangs up or transfers the call; resolves with how it went. */
  control(request: CardControl): Promise<CallControlReply>;
  callBack(e164: string): void;
  /** Saves the outcome and note; resolves with whether the helper kept them. */
  noteOutcome(note: OutcomeNote): Promise<OutcomeReply>;
}
