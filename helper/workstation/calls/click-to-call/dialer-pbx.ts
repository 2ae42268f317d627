import type { AmiFrame } from '../../../ami/frame';

/** What the click-to-call orchestrator asks the PBX to do. */
export interface OriginateCommand {
  /** The operator's phone, rung first: `PJSIP/101`. */
  readonly channel: string;
  readonly context: string;
  /** The number the context dials once the operator answers. */
  readonly exten: string;
  readonly callerId: { readonly name?: string; readonly number: string } | undefined;
  /** How long the operator's phone may ring, in ms. */
  readonly timeoutMs: number;
  /**
   * Uniqueid for the originated channel. It becomes the call's Linkedid, so every event of
   * the call can be tied to this request.
   */
  readonly channelId: string;
}

/**
 * The PBX as click-to-call needs it; the AMI client satisfies it through
 * createAmiDialerPbx(), tests with a scripted fake.
 */
export interface DialerPbx {
  /**
   * Sends an asynchronous Originate. Resolves once the PBX has queued it; its outcome
   * arrives as events (an `OriginateResponse` whose Uniqueid is the channel id, and the
   * channel's own events). Rejects with PbxUnavailableError or PbxRefusedError.
   */
  originate(command: OriginateCommand, signal: AbortSignal): Promise<void>;
  /** Delivers every AMI event until the signal aborts. */
  onEvent(listener: (frame: AmiFrame) => void, signal: AbortSignal): void;
}

/** The PBX cannot be reached now (AMI down, reconnecting, no answer to the action). */
export class PbxUnavailableError extends Error {
  override readonly name = 'PbxUnavailableError';
  constructor(readonly reason: string) {
    super(
      `The PBX is not reachable (${reason}): the helper reconnects by itself; try the call again ` +
        'in a moment, and if it persists run the doctor command to check pbx.host and pbx.port.',
    );
  }
}

/** The PBX refused the Originate (permissions, unknown context or channel, bad value). */
export class PbxRefusedError extends Error {
  override readonly name = 'PbxRefusedError';
  constructor(readonly reason: string) {
    super(
      `The PBX refused the call (${reason}): check originate.channel, originate.context and the ` +
        'AMI account\'s "originate" write permission in manager.conf.',
    );
  }
}
