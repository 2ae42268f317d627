import type { CallControlFailure } from '../../../shared/protocol';
import { header, type AmiFrame } from '../../ami/frame';

/** What an AMI event changed in an attended transfer, for the card. */
export type ConsultChange =
  /** The operator left the caller (who hears hold music) and rings the person. */
  | { readonly kind: 'calling' }
  /** The person answered: the operator talks to them. */
  | { readonly kind: 'talking' }
  /** The PBX connected the caller to the person; the operator's phone left the call. */
  | { readonly kind: 'completed' }
  /** It ended without a transfer; the operator is back with the caller unless they left. */
  | { readonly kind: 'ended'; readonly reason: CallControlFailure; readonly message: string };

export interface ConsultationStart {
  /** The operator's phone channel, the transferer. */
  readonly operatorChannel: string;
  /** The bridge it shares with the caller. */
  readonly callerBridge: string;
  readonly callerChannel: string | undefined;
  /** Where the PBX dials the person, as Atxfer was given them. */
  readonly exten: string;
  readonly context: string;
  /** The person's number or extension as the card shows it, for the messages. */
  readonly to: string;
}

type Phase = 'starting' | 'calling' | 'talking' | 'done';

/** The dial of the person ended this way: why the transfer did not happen. */
function dialFailure(status: string | undefined, to: string): ConsultChange {
  if (status === 'BUSY') {
    return { kind: 'ended', reason: 'target-busy', message: `${to} was busy.` };
  }
  return {
    kind: 'ended',
    reason: 'target-no-answer',
    message: `${to} did not answer${status ? ` (${status})` : ''}.`,
  };
}

/**
 * One attended transfer started on the operator's channel (AMI Atxfer), followed through
 * the PBX's events. Asterisk moves the operator's channel out of the caller's bridge into a
 * new one with `Local/<exten>@<context>-…;1`, whose `;2` half dials the person. From there:
 * the operator's channel hanging up (asked by `complete`, or on the phone) makes the PBX
 * connect the caller to the person (an `AttendedTransfer` event, Result Success, even while
 * the person still rings); cancelling (CancelAtxfer), a busy or unanswered person, or one
 * who hangs up brings the operator's channel back into the caller's bridge.
 *
 * Pure: it is fed AMI events and returns what they changed; it does no I/O.
 */
export class Consultation {
  #phase: Phase = 'starting';
  #cancelling = false;
  #dialStatus: string | undefined;
  readonly #localPrefix: string;

  constructor(readonly start: ConsultationStart) {
    this.#localPrefix = `Local/${start.exten}@${start.context}-`;
  }

  get phase(): Phase {
    return this.#phase;
  }

  /** The operator asked to cancel: the next return to the caller is theirs, not the person's. */
  cancelling(): void {
    this.#cancelling = true;
  }

  /** Feeds one AMI event; returns what it changed, if anything. */
  handle(frame: AmiFrame): ConsultChange | undefined {
    if (this.#phase === 'done') return undefined;
    switch (header(frame, 'Event')) {
      case 'BridgeEnter':
        return this.#bridgeEnter(frame);
      case 'Newstate':
        return this.#newstate(frame);
      case 'DialEnd':
        this.#dialEnd(frame);
        return undefined;
      case 'AttendedTransfer':
        return this.#attendedTransfer(frame);
      case 'Hangup':
        return this.#hangup(frame);
      default:
        return undefined;
    }
  }

  /** The PBX never started the consultation (the dialplan does not allow transfers). */
  abandon(): void {
    this.#phase = 'done';
  }

  #to(): string {
    return this.start.to;
  }

  #isPersonLocal(channel: string | undefined, side: 1 | 2): boolean {
    return (
      channel !== undefined && channel.startsWith(this.#localPrefix) && channel.endsWith(`;${side}`)
    );
  }

  #bridgeEnter(frame: AmiFrame): ConsultChange | undefined {
    if (header(frame, 'Channel') !== this.start.operatorChannel) return undefined;
    const bridge = header(frame, 'BridgeUniqueid');
    if (bridge !== this.start.callerBridge) {
      if (this.#phase !== 'starting') return undefined;
      this.#phase = 'calling';
      return { kind: 'calling' };
    }
    if (this.#phase === 'starting') return undefined;
    return this.#finish(this.#backWithCaller());
  }

  /** Why the operator's channel came back to the caller. */
  #backWithCaller(): ConsultChange {
    if (this.#cancelling) {
      return {
        kind: 'ended',
        reason: 'cancelled',
        message: `The attended transfer to ${this.#to()} was cancelled; the caller stays.`,
      };
    }
    if (this.#phase === 'talking') {
      return {
        kind: 'ended',
        reason: 'target-hung-up',
        message: `${this.#to()} hung up before the transfer was completed; the caller stays.`,
      };
    }
    return dialFailure(this.#dialStatus, this.#to());
  }

  #newstate(frame: AmiFrame): ConsultChange | undefined {
    if (this.#phase !== 'calling' || !this.#isPersonLocal(header(frame, 'Channel'), 1)) {
      return undefined;
    }
    if (header(frame, 'ChannelStateDesc') !== 'Up') return undefined;
    this.#phase = 'talking';
    return { kind: 'talking' };
  }

  #dialEnd(frame: AmiFrame): void {
    if (this.#isPersonLocal(header(frame, 'Channel'), 2)) {
      this.#dialStatus = header(frame, 'DialStatus');
    }
  }

  #attendedTransfer(frame: AmiFrame): ConsultChange | undefined {
    const operator = this.start.operatorChannel;
    if (
      header(frame, 'OrigTransfererChannel') !== operator &&
      header(frame, 'SecondTransfererChannel') !== operator
    ) {
      return undefined;
    }
    if (header(frame, 'Result') === 'Success') return this.#finish({ kind: 'completed' });
    return this.#finish({
      kind: 'ended',
      reason: 'pbx-refused',
      message: `The PBX could not connect the caller to ${this.#to()} (${header(frame, 'Result') ?? 'no result'}).`,
    });
  }

  #hangup(frame: AmiFrame): ConsultChange | undefined {
    const channel = header(frame, 'Channel');
    if (channel === this.start.operatorChannel) {
      // A completed transfer is reported (AttendedTransfer) before the channel hangs up.
      return this.#finish({
        kind: 'ended',
        reason: 'not-connected',
        message: "The operator's phone left the call before the transfer was completed.",
      });
    }
    if (channel !== undefined && channel === this.start.callerChannel) {
      return this.#finish({
        kind: 'ended',
        reason: 'not-connected',
        message: 'The caller hung up during the attended transfer.',
      });
    }
    return undefined;
  }

  #finish(change: ConsultChange): ConsultChange {
    this.#phase = 'done';
    return change;
  }
}
