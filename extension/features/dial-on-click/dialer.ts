import type { DialSource } from '../../lib/runtime-messages';

/** One helper dial at a time, with its progress shown to the operator. */
export interface Dialer {
  /** Ignored (with a notice) while another dial from this tab is in progress. */
  dial(e164: string, source: DialSource): void;
  readonly busy: boolean;
}
