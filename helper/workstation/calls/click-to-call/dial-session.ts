import type { DialOutcome, DialStage, PartyNumber } from '../../../../shared/protocol';
import type { DialUpdate } from '../../../core/helper-api';
import type { OriginateFailureReason } from '../../../ami/originate';
import type { CallUpdate, EndedCallRecord } from '../types';

const ORDER: readonly DialStage[] = ['accepted', 'ringing-you', 'dialling', 'connected', 'ended'];

export interface DialFinish {
  readonly outcome: DialOutcome;
  readonly leg?: 'you' | 'remote';
  readonly message?: string;
}

/**
 * The progress of one click-to-call as the extension sees it. Stages only move forward,
 * each at most once, and exactly one `dial.result` closes the session — after an `ended`
 * stage whenever the PBX had started ringing the operator's phone.
 */
export class DialSession {
  #stage: DialStage | undefined;
  #finished = false;

  constructor(
    private readonly requestId: string,
    private readonly extension: string,
    private readonly remote: PartyNumber,
    private readonly callId: string,
    private readonly emit: (update: DialUpdate) => void,
    private readonly onFinished: () => void,
  ) {}

  get finished(): boolean {
    return this.#finished;
  }

  get stage(): DialStage | undefined {
    return this.#stage;
  }

  /** Which leg a failure now concerns: the operator's own phone until it answered. */
  get leg(): 'you' | 'remote' {
    return this.#stage === 'dialling' || this.#stage === 'connected' ? 'remote' : 'you';
  }

  progress(stage: DialStage): void {
    if (this.#finished) return;
    const current = this.#stage === undefined ? -1 : ORDER.indexOf(this.#stage);
    if (ORDER.indexOf(stage) <= current) return;
    this.#stage = stage;
    this.emit({
      type: 'dial.progress',
      id: this.requestId,
      stage,
      extension: this.extension,
      remote: this.remote,
      callId: this.callId,
    });
  }

  /** Follows the call tracker's view of the originated call. */
  track(update: CallUpdate): void {
    switch (update.change) {
      case 'ringing':
        this.progress('ringing-you');
        break;
      case 'dialling':
        this.progress('dialling');
        break;
      case 'answered':
        this.progress('connected');
        break;
      case 'ended':
        if (update.record !== undefined) this.finish(this.fromRecord(update.record));
        break;
      default:
        break;
    }
  }

  /** The operator's phone could not be rung or did not answer, as `OriginateResponse` says. */
  finishFromOriginate(reason: OriginateFailureReason): void {
    switch (reason) {
      case 'busy':
        this.finish({ outcome: 'busy', leg: 'you', message: 'Your phone is busy.' });
        break;
      case 'no-answer':
        this.finish({ outcome: 'no-answer', leg: 'you', message: 'Your phone did not answer.' });
        break;
      case 'hangup':
        this.finish({ outcome: 'busy', leg: 'you', message: 'Your phone declined the call.' });
        break;
      case 'congestion':
      case 'failed':
        this.finish({
          outcome: 'failed',
          leg: 'you',
          message:
            `The PBX could not ring extension ${this.extension}: check that its phone is ` +
            'online and registered, and the originate.channel template.',
        });
        break;
    }
  }

  finish(result: DialFinish): void {
    if (this.#finished) return;
    if (this.#stage !== undefined && this.#stage !== 'accepted') this.progress('ended');
    this.#finished = true;
    this.emit({
      type: 'dial.result',
      id: this.requestId,
      ok: result.outcome === 'connected',
      outcome: result.outcome,
      ...(result.leg === undefined ? {} : { leg: result.leg }),
      ...(result.message === undefined ? {} : { message: result.message }),
    });
    this.onFinished();
  }

  private fromRecord(record: EndedCallRecord): DialFinish {
    const leg = this.leg;
    switch (record.result) {
      case 'answered':
        return { outcome: 'connected' };
      case 'busy':
        return {
          outcome: 'busy',
          leg,
          message: leg === 'you' ? 'Your phone is busy.' : 'The number is busy.',
        };
      case 'no-answer':
        return {
          outcome: 'no-answer',
          leg,
          message: leg === 'you' ? 'Your phone did not answer.' : 'The number did not answer.',
        };
      case 'cancelled':
        return leg === 'you'
          ? { outcome: 'failed', leg, message: 'The call to your phone was cancelled.' }
          : { outcome: 'no-answer', leg, message: 'You hung up before the number answered.' };
      default:
        return {
          outcome: 'failed',
          leg,
          message:
            leg === 'you'
              ? `The PBX could not ring extension ${this.extension}.`
              : 'The number could not be reached.',
        };
    }
  }
}
