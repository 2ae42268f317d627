/** Why a dial did not go through; each has its own sentence in both languages. */
export type DialFailure =
  | 'extension-unavailable'
  | 'helper-down'
  | 'helper-connecting'
  | 'helper-incompatible'
  | 'not-paired'
  | 'invalid-number'
  | 'dial-in-progress'
  | 'rate-limited'
  | 'not-allowed'
  | 'busy-you'
  | 'busy-remote'
  | 'no-answer-you'
  | 'no-answer-remote'
  | 'pbx-refused'
  | 'pbx-unavailable'
  | 'failed'
  | 'no-response';

/** What the dial toast shows; `number` is E.164. */
export type DialToastState =
  | {
      phase: 'working';
      step: 'requesting' | 'accepted' | 'ringing-you' | 'dialling';
      number: string;
    }
  | { phase: 'done'; step: 'connected'; number: string }
  | {
      phase: 'failed';
      failure: DialFailure;
      number: string;
      /** The helper's English message, shown apart on a details line. */
      detail?: string;
    }
  /** A click while a dial is still running: nothing new was started. */
  | { phase: 'already-dialling'; number: string }
  /** The keyboard shortcut found no number at the selection or caret. */
  | { phase: 'no-number'; number: '' };

export interface DialToastView {
  show(state: DialToastState): void;
}
