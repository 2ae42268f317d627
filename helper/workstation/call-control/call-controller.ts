import type { CountryCode } from '../../../shared/phone/types';
import type {
  CallView,
  ClientMessageOf,
  ConsultState,
  TransferMode,
  TransferState,
  TransferTarget,
} from '../../../shared/protocol';
import type { ChannelSnapshot } from '../../ami/channel-snapshot';
import type { AmiResponse } from '../../ami/client';
import type { AmiFields } from '../../ami/encode';
import type { AmiFrame } from '../../ami/frame';
import type { ListenOptions } from '../../ami/typed-emitter';
import { checkTransferSettings, type TransferSettings } from '../../config/transfer-settings';
import type { CallControl, CallControlOutcome, CallControlRequest } from '../../core/helper-api';
import { sleep } from '../../core/sleep';
import { callKey } from '../../core/tracked-call';
import { callChannels, type CallChannels } from './call-channels';
import { Consultation, type ConsultChange } from './consultation';
import { CallControlRefusedError } from './errors';
import { failureReason } from './failure-reason';
import { transferDestination, type TransferDestination } from './transfer-destination';

/** How often, and how long in all (about 1.5 s), a transfer waits for the answer's bridge. */
const BRIDGE_RETRY_MS = 100;
const BRIDGE_ATTEMPTS = 16;

/** The AMI the card's controls use; `AmiClient` has it. */
export interface CallControlAmi {
  action(name: string, fields?: AmiFields, options?: { timeoutMs?: number }): Promise<AmiResponse>;
  coreShowChannels(options?: { timeoutMs?: number }): Promise<ChannelSnapshot[]>;
  on(event: 'event', listener: (frame: AmiFrame) => void, options?: ListenOptions): unknown;
}

export interface CallControllerOptions {
  readonly ami: CallControlAmi;
  readonly settings: TransferSettings;
  /** Country of numbers typed without a country code. */
  readonly defaultCountry: CountryCode;
  /** The operator's extensions, so none of their phones is taken for the caller. */
  readonly extensions: () => readonly string[];
  /** Told every transfer's outcome, refusals included: the card and the journal show it. */
  readonly onTransfer?: (call: CallView, state: TransferState) => void;
  /** Told how an attended transfer goes while it goes on; `undefined` once it is over. */
  readonly onConsult?: (call: CallView, consult: ConsultState | undefined) => void;
  readonly signal: AbortSignal;
  readonly now?: () => number;
  /** How long the PBX may take to start the consultation after Atxfer. Default 8 s. */
  readonly consultStartMs?: number;
  /** How long completing or cancelling the consultation may take. Default 8 s. */
  readonly consultEndMs?: number;
}

type TransferRequest = ClientMessageOf<'call.transfer'>;

interface ActiveConsult {
  readonly call: CallView;
  readonly consultation: Consultation;
  readonly target: TransferTarget;
  readonly to: string;
  since: number;
  /** Settles with the first change: the consultation started or it failed. */
  readonly started: Deferred<ConsultChange>;
  /** Settles with the change that ended it. */
  readonly ended: Deferred<ConsultChange>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Hangs up and transfers the operator's own calls over AMI. The channels are looked up
 * afresh (CoreShowChannels) for every request, among the calls of this operator's
 * extensions only.
 *
 * - Hang-up: AMI Hangup of the operator's phone channels in the call; in a two-party call
 *   the PBX releases the caller too.
 * - Blind transfer: BlindTransfer on the operator's channel (the PBX's own transfer), or,
 *   with `transfer.method = "redirect"`, Redirect of the caller's channel.
 * - Attended transfer: Atxfer on the operator's channel, the PBX's own attended transfer:
 *   the caller holds while the operator rings and talks to the person. Completing hangs up
 *   the operator's channel, which makes the PBX connect the two (the operator's phone is
 *   released, as when the operator hangs up the handset); cancelling is CancelAtxfer, which
 *   releases the person and brings the operator back to the caller.
 */
export class CallController implements CallControl {
  readonly #options: CallControllerOptions;
  readonly #now: () => number;
  readonly #consults = new Map<string, ActiveConsult>();

  constructor(options: CallControllerOptions) {
    checkTransferSettings(options.settings);
    this.#options = options;
    this.#now = options.now ?? Date.now;
    options.ami.on('event', (frame) => this.#observe(frame), { signal: options.signal });
  }

  async control(call: CallView, request: CallControlRequest): Promise<CallControlOutcome> {
    try {
      switch (request.type) {
        case 'call.hangup':
          return await this.#hangup(call);
        case 'call.transfer':
          return request.mode === 'blind'
            ? await this.#blind(call, request)
            : await this.#attended(call, request);
        case 'call.transfer.complete':
          return await this.#complete(call);
        case 'call.transfer.cancel':
          return await this.#cancel(call);
      }
    } catch (error) {
      return { ok: false, reason: failureReason(error), message: describe(error) };
    }
  }

  async #channels(call: CallView): Promise<CallChannels> {
    const snapshots = await this.#options.ami.coreShowChannels();
    return callChannels(snapshots, call.callId, call.extension, this.#options.extensions());
  }

  /**
   * The call's channels once the operator's phone is in the caller's bridge. The card says
   * "talking" at the answer, a moment before the PBX bridges the two: a transfer asked in
   * that moment asks the PBX again for a short while instead of being refused.
   */
  async #bridgedChannels(call: CallView): Promise<CallChannels> {
    for (let attempt = 1; ; attempt++) {
      const channels = await this.#channels(call);
      const bridging = !channels.operator && channels.operatorPhone.length > 0;
      if (!bridging || attempt >= BRIDGE_ATTEMPTS) return channels;
      await sleep(BRIDGE_RETRY_MS, this.#options.signal);
    }
  }

  async #hangup(call: CallView): Promise<CallControlOutcome> {
    if (this.#consults.has(callKey(call))) {
      // Hanging up the transferer completes an attended transfer: the card asks that apart.
      throw new CallControlRefusedError(
        'consulting',
        'An attended transfer is going on: complete or cancel it first.',
      );
    }
    const { operatorPhone } = await this.#channels(call);
    if (operatorPhone.length === 0) {
      throw new CallControlRefusedError(
        'not-connected',
        `Extension ${call.extension} is no longer in this call; nothing was hung up.`,
      );
    }
    for (const channel of operatorPhone)
      await this.#options.ami.action('Hangup', { Channel: channel });
    return { ok: true };
  }

  /** Refusals before the PBX is asked, and where the caller would go. */
  #destination(call: CallView, request: TransferRequest, mode: TransferMode): TransferDestination {
    if (call.state !== 'answered') {
      throw new CallControlRefusedError(
        'not-answered',
        'Only a call answered on your phone can be transferred.',
      );
    }
    if (this.#consults.has(callKey(call))) {
      throw new CallControlRefusedError(
        'consulting',
        'An attended transfer is already going on for this call.',
      );
    }
    return transferDestination(
      request.to,
      mode,
      this.#options.settings,
      this.#options.defaultCountry,
    );
  }

  async #blind(call: CallView, request: TransferRequest): Promise<CallControlOutcome> {
    let destination: TransferDestination | undefined;
    try {
      destination = this.#destination(call, request, 'blind');
      const channels = await this.#bridgedChannels(call);
      const place = { Context: destination.context, Exten: destination.exten };
      if (this.#options.settings.method === 'blind') {
        if (!channels.operator) throw this.#gone(call);
        await this.#options.ami.action('BlindTransfer', {
          Channel: channels.operator.channel,
          ...place,
        });
      } else {
        if (!channels.remote) {
          throw new CallControlRefusedError(
            'not-connected',
            'The caller is no longer on the line; nothing was transferred.',
          );
        }
        await this.#options.ami.action('Redirect', {
          Channel: channels.remote,
          ...place,
          Priority: '1',
        });
      }
    } catch (error) {
      return this.#report(call, request.target, 'blind', destination?.to ?? '', {
        ok: false,
        reason: failureReason(error),
        message: describe(error),
      });
    }
    return this.#report(call, request.target, 'blind', destination.to, {
      ok: true,
      message: `Transferred to ${destination.to}.`,
    });
  }

  #gone(call: CallView): CallControlRefusedError {
    return new CallControlRefusedError(
      'not-connected',
      `The call is no longer connected to extension ${call.extension}; nothing was transferred.`,
    );
  }

  async #attended(call: CallView, request: TransferRequest): Promise<CallControlOutcome> {
    let destination: TransferDestination | undefined;
    let active: ActiveConsult | undefined;
    const key = callKey(call);
    try {
      destination = this.#destination(call, request, 'attended');
      const channels = await this.#bridgedChannels(call);
      if (!channels.operator) throw this.#gone(call);
      active = {
        call,
        consultation: new Consultation({
          operatorChannel: channels.operator.channel,
          callerBridge: channels.operator.bridge,
          callerChannel: channels.remote,
          exten: destination.exten,
          context: destination.context,
          to: destination.to,
        }),
        target: request.target,
        to: destination.to,
        since: this.#now(),
        started: deferred(),
        ended: deferred(),
      };
      // Registered before Atxfer is sent, so none of the PBX's answering events is missed.
      this.#consults.set(key, active);
      // "#" ends the number at once: without it the PBX waits for more digits as long as
      // the context has longer extensions that start the same way.
      await this.#options.ami.action('Atxfer', {
        Channel: channels.operator.channel,
        Exten: `${destination.exten}#`,
        Context: destination.context,
      });
    } catch (error) {
      if (active !== undefined) this.#consults.delete(key);
      return this.#report(call, request.target, 'attended', destination?.to ?? '', {
        ok: false,
        reason: failureReason(error),
        message: describe(error),
      });
    }
    const first = await this.#within(active.started.promise, this.#options.consultStartMs ?? 8_000);
    if (first === undefined) {
      this.#consults.delete(key);
      active.consultation.abandon();
      return this.#report(call, request.target, 'attended', destination.to, {
        ok: false,
        reason: 'transfer-not-allowed',
        message:
          `The PBX did not start the attended transfer: its dialplan does not let extension ` +
          `${call.extension} transfer this call (Dial option t or T, Queue option t).`,
      });
    }
    return first.kind === 'ended'
      ? { ok: false, to: destination.to, reason: first.reason, message: first.message }
      : { ok: true, to: destination.to };
  }

  #activeConsult(call: CallView): ActiveConsult {
    const active = this.#consults.get(callKey(call));
    if (active === undefined || active.consultation.phase === 'starting') {
      throw new CallControlRefusedError(
        'no-consultation',
        'No attended transfer is going on for this call.',
      );
    }
    return active;
  }

  async #complete(call: CallView): Promise<CallControlOutcome> {
    const active = this.#activeConsult(call);
    await this.#options.ami.action('Hangup', {
      Channel: active.consultation.start.operatorChannel,
    });
    return this.#outcome(active, 'completed');
  }

  async #cancel(call: CallView): Promise<CallControlOutcome> {
    const active = this.#activeConsult(call);
    active.consultation.cancelling();
    await this.#options.ami.action('CancelAtxfer', {
      Channel: active.consultation.start.operatorChannel,
    });
    return this.#outcome(active, 'cancelled');
  }

  /** How the consultation ended, `ok` when it ended the way the operator asked. */
  async #outcome(
    active: ActiveConsult,
    wanted: 'completed' | 'cancelled',
  ): Promise<CallControlOutcome> {
    const end = await this.#within(active.ended.promise, this.#options.consultEndMs ?? 8_000);
    if (end === undefined) {
      return {
        ok: false,
        to: active.to,
        reason: 'pbx-unavailable',
        message: 'The PBX has not reported the end of the attended transfer yet.',
      };
    }
    const done =
      end.kind === 'completed'
        ? wanted === 'completed'
        : end.kind === 'ended' && end.reason === wanted;
    if (done) return { ok: true, to: active.to };
    return end.kind === 'ended'
      ? { ok: false, to: active.to, reason: end.reason, message: end.message }
      : {
          ok: false,
          to: active.to,
          reason: 'failed',
          message: 'The caller was transferred meanwhile.',
        };
  }

  #observe(frame: AmiFrame): void {
    for (const [key, active] of this.#consults) {
      const change = active.consultation.handle(frame);
      if (change === undefined) continue;
      active.started.resolve(change);
      if (change.kind === 'calling' || change.kind === 'talking') {
        active.since = this.#now();
        this.#options.onConsult?.(active.call, this.#consultState(active));
        continue;
      }
      this.#consults.delete(key);
      active.ended.resolve(change);
      this.#options.onConsult?.(active.call, undefined);
      this.#report(
        active.call,
        active.target,
        'attended',
        active.to,
        change.kind === 'completed'
          ? { ok: true, message: `Transferred to ${active.to} after talking to them.` }
          : { ok: false, reason: change.reason, message: change.message },
      );
    }
  }

  #consultState(active: ActiveConsult): ConsultState {
    return {
      target: active.target,
      to: active.to,
      state: active.consultation.phase === 'talking' ? 'talking' : 'calling',
      since: active.since,
    };
  }

  /** Tells the card and the journal how the transfer went, refusals included. */
  #report(
    call: CallView,
    target: TransferTarget,
    mode: TransferMode,
    to: string,
    outcome: CallControlOutcome,
  ): CallControlOutcome {
    const state: TransferState = {
      target,
      mode,
      to,
      ok: outcome.ok,
      at: this.#now(),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(outcome.message ? { message: outcome.message.slice(0, 512) } : {}),
    };
    this.#options.onTransfer?.(call, state);
    return { ...outcome, ...(to ? { to } : {}) };
  }

  /** The promise's value, or undefined when it takes longer than `ms` or the helper stops. */
  async #within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
    const stop = new AbortController();
    const signal = AbortSignal.any([this.#options.signal, stop.signal]);
    try {
      return await Promise.race([promise, sleep(ms, signal).then(() => undefined)]);
    } catch {
      return undefined;
    } finally {
      stop.abort();
    }
  }
}
