import type { OutcomeNote, OutcomeReply } from '../../lib/runtime-messages';

/** What a card can ask for; the incoming-card feature carries each out. */
export interface CardActions {
  open(url: string): void;
  /** Resolves to false when the page does not allow writing to the clipboard. */
  copy(text: string): Promise<boolean>;
  dismiss(callId: string): void;
  transfer(callId: string, target: 'courier' | 'manager', courierCode?: string): void;
  callBack(e164: string): void;
  /** Saves the outcome and note; resolves with whether the helper kept them. */
  noteOutcome(note: OutcomeNote): Promise<OutcomeReply>;
}
