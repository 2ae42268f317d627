import { randomUUID } from 'node:crypto';
import type { CountryCode } from '../../../shared/phone/types';
import type { DialUpdate } from '../../core/helper-api';
import { header, type AmiFrame } from '../../ami/frame';
import { originateResultOf } from '../../ami/originate';
import { parseCallerId, type CallerId } from './click-to-call/caller-id';
import { DialSession } from './click-to-call/dial-session';
import { DIAL_FORMATS, resolveDialTarget, type DialFormat } from './click-to-call/dial-target';
import { RequestScope } from './click-to-call/request-scope';
import {
  PbxRefusedError,
  PbxUnavailableError,
  type DialerPbx,
  type OriginateCommand,
} from './click-to-call/dialer-pbx';
import { CallsConfigError } from './errors';
import { assertCountry } from './remote-number';
import { CallTracker } from './tracker';
import { DEFAULT_CLICK_TO_CALL_PREFIX } from './types';

export interface ClickToCallOptions {
  /** Channel of the operator's phone with an `{ext}` placeholder: `PJSIP/{ext}`. */
  readonly channelTemplate: string;
  /** Dialplan context that dials the remote number once the operator answers. */
  readonly context: string;
  /** Caller ID the called party sees: `74951234567` or `"Name" <74951234567>`; empty: PBX default. */
  readonly callerId?: string;
  /** How long the operator's phone rings before the attempt is given up. */
  readonly ringTimeoutSeconds: number;
  /** The form of external numbers in `Exten`; E.164 (`+79161234567`) by default. */
  readonly dialFormat?: DialFormat;
  /** Country of numbers written without a country code; Russia by default. */
  readonly defaultCountry?: CountryCode;
  /** The operator's extensions now (the first one rings when a request names none). */
  readonly extensions: () => readonly string[];
  /** Prefix of the ChannelIds chosen for originated calls. */
  readonly channelIdPrefix?: string;
  /** Told of each call before it is originated, e.g. to announce it to the main call tracker. */
  readonly announce?: (channelId: string, extension: string, exten: string) => void;
  /**
   * After an `OriginateResponse` reporting failure, how long to wait for the channel's own
   * events (they tell busy from no answer more precisely) before deciding from the response.
   */
  readonly responseGraceMs?: number;
  /** Extra wait, beyond the ring timeout, for any word from the PBX about the first leg. */
  readonly firstLegSlackMs?: number;
  /** How long a connected call is followed before the request is settled as connected. */
  readonly maxFollowMs?: number;
  readonly newChannelId?: () => string;
}

/** A click-to-call request, as the helper's API hands it over. */
export interface DialOrder {
  readonly number: string;
  /** The operator's phone that rings first; the first of the operator's extensions if absent. */
  readonly extension?: string;
  readonly requestId: string;
}

const TEMPLATE_PLACEHOLDER = '{ext}';
const DEFAULT_MAX_FOLLOW_MS = 4 * 60 * 60 * 1000;

/**
 * Click-to-call: rings the operator's phone first and, once it is picked up, has the PBX
 * dial the number (an asynchronous `Originate` into the outbound context). Progress is
 * read from the call's own events, tied to the request by the ChannelId chosen here,
 * through a private CallTracker: accepted → ringing-you → dialling → connected → ended,
 * then exactly one `dial.result`.
 */
export class ClickToCall {
  readonly #pbx: DialerPbx;
  readonly #options: ClickToCallOptions;
  readonly #callerId: CallerId | undefined;
  readonly #format: DialFormat;
  readonly #country: CountryCode;
  readonly #prefix: string;

  constructor(pbx: DialerPbx, options: ClickToCallOptions) {
    this.#pbx = pbx;
    this.#options = options;
    if (!options.channelTemplate.includes(TEMPLATE_PLACEHOLDER)) {
      throw new CallsConfigError(
        'originate.channel',
        `"${options.channelTemplate}" has no ${TEMPLATE_PLACEHOLDER} placeholder; write e.g. PJSIP/{ext}`,
      );
    }
    if (!Number.isFinite(options.ringTimeoutSeconds) || options.ringTimeoutSeconds < 1) {
      throw new CallsConfigError('originate.ringTimeoutSeconds', 'must be at least 1 second');
    }
    this.#format = options.dialFormat ?? 'e164';
    if (!DIAL_FORMATS.includes(this.#format)) {
      throw new CallsConfigError('dialFormat', `use one of ${DIAL_FORMATS.join(', ')}`);
    }
    this.#callerId = parseCallerId(options.callerId);
    this.#country = options.defaultCountry ?? 'RU';
    assertCountry(this.#country);
    this.#prefix = options.channelIdPrefix ?? DEFAULT_CLICK_TO_CALL_PREFIX;
  }

  /**
   * Runs one request. `onUpdate` receives progress in order and exactly one `dial.result`;
   * the promise settles after it. Aborting stops following the call (it does not hang it
   * up) and settles the request with what is known.
   */
  async dial(
    order: DialOrder,
    onUpdate: (update: DialUpdate) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const extensions = this.#options.extensions();
    const extension = order.extension ?? extensions[0] ?? '';
    const channelId = this.#options.newChannelId?.() ?? `${this.#prefix}${randomUUID()}`;
    const target = resolveDialTarget(order.number, this.#format, this.#country);
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const session = new DialSession(
      order.requestId,
      extension,
      target?.remote ?? { raw: order.number.slice(0, 64) },
      channelId,
      onUpdate,
      () => finished(),
    );
    if (!extensions.includes(extension)) {
      session.finish({
        outcome: 'failed',
        message:
          extensions.length === 0
            ? 'No extension is configured for this operator: set operator.extensions or operator.user.'
            : `Extension ${extension} is not one of this operator's (${extensions.join(', ')}).`,
      });
      return;
    }
    if (target === undefined) {
      session.finish({
        outcome: 'invalid-number',
        message: 'This is not a phone number that can be dialled; nothing was sent to the PBX.',
      });
      return;
    }

    const scope = new RequestScope();
    const withdraw = (): void => {
      session.finish(
        session.stage === 'connected'
          ? { outcome: 'connected' }
          : {
              outcome: 'failed',
              leg: session.leg,
              message: 'The request was withdrawn; the PBX may still be setting up the call.',
            },
      );
    };
    signal.addEventListener('abort', withdraw, { once: true });
    this.#follow(session, channelId, extension, target.exten, scope);
    this.#options.announce?.(channelId, extension, target.exten);
    session.progress('accepted');
    if (signal.aborted) withdraw();
    this.#setDeadlines(session, scope);

    const command: OriginateCommand = {
      channel: this.#options.channelTemplate.split(TEMPLATE_PLACEHOLDER).join(extension),
      context: this.#options.context,
      exten: target.exten,
      callerId: this.#callerId,
      timeoutMs: this.#options.ringTimeoutSeconds * 1000,
      channelId,
    };
    if (!session.finished) {
      this.#pbx.originate(command, scope.signal).catch((error: unknown) => {
        if (error instanceof PbxUnavailableError) {
          session.finish({ outcome: 'pbx-unavailable', message: error.message });
        } else if (error instanceof PbxRefusedError) {
          session.finish({ outcome: 'pbx-refused', message: error.message });
        } else {
          session.finish({
            outcome: 'failed',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      });
    }

    try {
      await done;
    } finally {
      signal.removeEventListener('abort', withdraw);
      scope.close();
    }
  }

  /** Feeds the events of this call (and only those) to a private tracker for the session. */
  #follow(
    session: DialSession,
    channelId: string,
    extension: string,
    exten: string,
    scope: RequestScope,
  ): void {
    const tracker = new CallTracker({
      extensions: [extension],
      clickToCallPrefix: this.#prefix,
      partyNumber: (raw) => ({ raw: raw.slice(0, 64) }),
    });
    tracker.expectOriginate(channelId, extension, exten);
    let failureSeen = false;
    this.#pbx.onEvent((frame: AmiFrame) => {
      if (frame['Event'] === 'OriginateResponse') {
        if (header(frame, 'Uniqueid') !== channelId) return;
        const result = originateResultOf(frame);
        if (result.ok) {
          session.progress('dialling');
        } else if (!failureSeen) {
          failureSeen = true;
          scope.after(this.#options.responseGraceMs ?? 3_000, () =>
            session.finishFromOriginate(result.reason),
          );
        }
        return;
      }
      if (header(frame, 'Linkedid') !== channelId && header(frame, 'DestLinkedid') !== channelId) {
        return;
      }
      for (const update of tracker.handle(frame)) {
        if (update.view.callId === channelId && update.view.extension === extension) {
          session.track(update);
        }
      }
    }, scope.signal);
  }

  /**
   * Gives up when the PBX says nothing about the operator's phone well past its ring
   * timeout, and stops following a call after the longest a call is expected to last.
   */
  #setDeadlines(session: DialSession, scope: RequestScope): void {
    const ringMs = this.#options.ringTimeoutSeconds * 1000;
    scope.after(ringMs + (this.#options.firstLegSlackMs ?? 30_000), () => {
      if (session.stage === 'accepted' || session.stage === 'ringing-you') {
        session.finish({
          outcome: 'failed',
          leg: 'you',
          message: 'The PBX gave no word about the call to your phone; check the PBX and retry.',
        });
      }
    });
    scope.after(this.#options.maxFollowMs ?? DEFAULT_MAX_FOLLOW_MS, () => {
      session.finish(
        session.stage === 'connected'
          ? { outcome: 'connected' }
          : { outcome: 'failed', leg: session.leg, message: 'The call took too long to set up.' },
      );
    });
  }
}
