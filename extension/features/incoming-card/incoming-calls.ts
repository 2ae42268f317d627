import type { CallView, OutcomeSettings } from '../../../shared/protocol';
import type { CallControlReply, OutcomeReply } from '../../lib/runtime-messages';
import { t } from '../../lib/i18n/core';
import type { CardActions } from './card-actions';
import { announceCall } from './announce';
import type { CallCardsView } from './mount-call-cards';
import type { BackgroundChannel } from '../background-channel';
import type { Dialer } from '../dial-on-click/dial-controller';
import type { SettingsSource } from '../settings-source';
import { CallStore } from './call-store';
import { copyText } from './copy-text';
import { awaitsOutcome } from './outcome-window';
import type { RingTone } from './ring-tone';

export interface IncomingCallsOptions {
  channel: BackgroundChannel;
  settings: SettingsSource;
  dialer: Dialer;
  signal: AbortSignal;
  /** Mounts the card view on the first call, so quiet tabs get no extra element. */
  mountView(actions: CardActions): Promise<CallCardsView>;
  ring: RingTone;
  openUrl(url: string): void;
  endedCloseMs?: number;
  missedCloseMs?: number;
}

/** The background's answer to `call-outcome`; anything else counts as no answer. */
function readOutcomeReply(reply: unknown): OutcomeReply {
  const value = (reply ?? {}) as Partial<{ ok: unknown; reason: unknown; message: unknown }>;
  if (value.ok === true) return { ok: true };
  const reason = value.reason;
  return {
    ok: false,
    reason:
      reason === 'too-late' || reason === 'not-found' || reason === 'refused'
        ? reason
        : 'not-connected',
    message: typeof value.message === 'string' ? value.message : '',
  };
}

function startsRinging(call: CallView, previous: CallView | undefined): boolean {
  return call.direction === 'in' && call.state === 'ringing' && previous?.state !== 'ringing';
}

/**
 * Keeps the cards in step with the background: calls arrive and change,
 * dismissals travel both ways, and the cards setting hides them all.
 */
export class IncomingCalls {
  readonly store: CallStore;
  readonly #options: IncomingCallsOptions;
  readonly #actions: CardActions;
  #view: CallCardsView | null = null;
  #mounting: Promise<CallCardsView> | null = null;
  #announcement: string | undefined;
  /** What the helper offers to note on calls, from its last status. */
  #outcomes: OutcomeSettings | undefined;

  constructor(options: IncomingCallsOptions) {
    this.#options = options;
    const { channel, settings, signal } = options;
    this.store = new CallStore({
      signal,
      endedCloseMs: options.endedCloseMs,
      missedCloseMs: options.missedCloseMs,
      keepOpen: (callId) =>
        (this.#view?.hasFocusIn(callId) ?? false) || this.#awaitsOutcome(callId),
    });
    this.#actions = {
      open: (url) => options.openUrl(url),
      copy: async (text) => (this.#view ? copyText(text, this.#view.shadow) : false),
      dismiss: (callId) => {
        this.store.dismiss(callId);
        channel.send({ kind: 'card-dismiss', callId }).catch(() => undefined);
      },
      control: async (request) => {
        try {
          const reply = (await channel.send({ kind: 'call-control', ...request })) as
            CallControlReply | undefined;
          return reply ?? { ok: false, message: t('page.failure.extension-unavailable') };
        } catch {
          return { ok: false, message: t('page.failure.extension-unavailable') };
        }
      },
      callBack: (e164) => options.dialer.dial(e164, 'card'),
      noteOutcome: (note) =>
        channel
          .send({ kind: 'call-outcome', ...note })
          .then(readOutcomeReply, () => readOutcomeReply(undefined)),
    };
    this.store.subscribe(() => this.#render(), signal);
    channel.listen((message) => {
      if (message.kind === 'card-dismissed') this.store.dismiss(message.callId);
      else if (message.kind === 'call') this.#onCall(message.call);
      else if (message.kind === 'connection' && message.connection.state === 'connected') {
        this.#outcomes = message.connection.status.outcomes;
        this.#view?.setOutcomes(this.#outcomes);
      }
    }, signal);
    settings.watch(({ cards }) => {
      if (!cards) this.store.clear();
    }, signal);
  }

  #onCall(call: CallView): void {
    const settings = this.#options.settings.current();
    if (!settings.cards) return;
    const ringing = startsRinging(call, this.store.get(call.callId));
    if (ringing) this.#announcement = announceCall(call);
    if (this.store.upsert(call) !== 'ignored' && ringing && settings.sound)
      this.#options.ring.play();
    this.#announcement = undefined;
  }

  #awaitsOutcome(callId: string): boolean {
    const call = this.store.get(callId);
    return call !== undefined && awaitsOutcome(call, this.#outcomes, Date.now());
  }

  #render(): void {
    const calls = this.store.list();
    const announcement = this.#announcement;
    if (this.#view) {
      this.#view.update(calls, announcement);
      return;
    }
    if (calls.length === 0) return;
    this.#mounting ??= this.#options.mountView(this.#actions);
    this.#mounting.then(
      (view) => {
        this.#view = view;
        view.setOutcomes(this.#outcomes);
        view.update(this.store.list(), announcement);
      },
      (error: unknown) => console.error('Courier Telephony: call cards could not be shown', error),
    );
  }
}
