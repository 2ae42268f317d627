import type { DialSource } from '../../lib/runtime-messages';
import type { DialToastState } from './dial-toast-state';

/** One helper dial at a time, with its progress shown to the operator. */
export interface Dialer {
  /** Ignored (with a notice) while another dial from this tab is in progress. */
  dial(e164: string, source: DialSource): void;
  readonly busy: boolean;
  /** Shows a word about a dial that did not start, e.g. no number at the caret. */
  notice(state: Extract<DialToastState, { phase: 'no-number' }>): void;
}
