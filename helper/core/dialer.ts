import type { DialUpdate } from './helper-api';

export interface DialOrder {
  /** What the user clicked or typed; the dialer normalizes and validates it. */
  number: string;
  /** The operator's phone that rings first. */
  extension: string;
  requestId: string;
}

/** The click-to-call seam: AMI Originate on a real PBX, a simulation in demo mode. */
export interface Dialer {
  dial(
    order: DialOrder,
    onUpdate: (update: DialUpdate) => void,
    signal: AbortSignal,
  ): Promise<void>;
}
