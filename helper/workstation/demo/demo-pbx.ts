import { normalizeDialTarget, normalizePhone } from '../../../shared/phone/index';
import type { CallResult, PartyNumber } from '../../../shared/protocol';
import type { CallHub } from '../hub/call-hub';
import type {
  Dialer,
  DialOrder,
  DialUpdate,
  SimulateRequest,
  Simulator,
} from '../../core/helper-api';
import type { TrackedCall } from '../../core/tracked-call';
import { sleep } from '../../core/sleep';

export interface DemoTimings {
  ringMs: number;
  dialMs: number;
  talkMs: number;
}

const DEFAULT_TIMINGS: DemoTimings = { ringMs: 1500, dialMs: 1500, talkMs: 6000 };

/**
 * A simulated PBX for the demo on embedded defaults: it plays the same call
 * states a real Asterisk produces, so the extension cannot tell the difference.
 */
export class DemoPbx implements Dialer, Simulator {
  private sequence = 0;

  constructor(
    private readonly hub: CallHub,
    private readonly signal: AbortSignal,
    private readonly timings: DemoTimings = DEFAULT_TIMINGS,
  ) {}

  async dial(
    order: DialOrder,
    onUpdate: (update: DialUpdate) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const target = normalizeDialTarget(order.number);
    if (!target) {
      onUpdate({
        type: 'dial.result',
        id: order.requestId,
        ok: false,
        outcome: 'invalid-number',
        message: 'Not a dialable number.',
      });
      return;
    }
    const remote: PartyNumber =
      target.kind === 'external'
        ? { raw: order.number, e164: target.e164, dbKey: target.dbKey }
        : { raw: target.extension };
    const callId = this.nextId();
    const base = { id: order.requestId, extension: order.extension, remote, callId };
    const both = AbortSignal.any([signal, this.signal]);
    const call: TrackedCall = {
      callId,
      extension: order.extension,
      direction: target.kind === 'external' ? 'out' : 'internal',
      state: 'dialling',
      remote,
      origin: 'click-to-call',
      startedAt: Date.now(),
    };
    try {
      onUpdate({ type: 'dial.progress', stage: 'accepted', ...base });
      onUpdate({ type: 'dial.progress', stage: 'ringing-you', ...base });
      await sleep(this.timings.ringMs, both);
      onUpdate({ type: 'dial.progress', stage: 'dialling', ...base });
      this.hub.update(call);
      await sleep(this.timings.dialMs, both);
      const answeredAt = Date.now();
      onUpdate({ type: 'dial.progress', stage: 'connected', ...base });
      onUpdate({ type: 'dial.result', id: order.requestId, ok: true, outcome: 'connected' });
      this.hub.update({ ...call, state: 'answered', answeredAt, answeredBy: order.extension });
      void this.finish({ ...call, answeredAt, answeredBy: order.extension }, 'answered');
    } catch {
      this.hub.update({ ...call, state: 'ended', endedAt: Date.now(), result: 'cancelled' });
    }
  }

  async simulate(request: SimulateRequest, extension: string): Promise<void> {
    const normalized = normalizePhone(request.number);
    const remote: PartyNumber = normalized
      ? { raw: normalized.dbKey, e164: normalized.e164, dbKey: normalized.dbKey }
      : { raw: request.number.replace(/[^\d+]/g, '') || 'unknown' };
    const call: TrackedCall = {
      callId: this.nextId(),
      extension,
      direction: 'in',
      state: 'ringing',
      remote,
      origin: 'pbx',
      startedAt: Date.now(),
    };
    this.hub.update(call);
    void this.play(call, request.scenario).catch(() => undefined);
  }

  private async play(call: TrackedCall, scenario: SimulateRequest['scenario']): Promise<void> {
    await sleep(this.timings.ringMs * 2, this.signal);
    if (scenario === 'no-answer') {
      this.hub.update({ ...call, state: 'ended', endedAt: Date.now(), result: 'no-answer' });
      return;
    }
    const answeredAt = Date.now();
    if (scenario === 'answered-elsewhere') {
      this.hub.update({ ...call, state: 'answered-elsewhere', answeredAt, answeredBy: '102' });
      await sleep(this.timings.talkMs, this.signal);
      this.hub.update({
        ...call,
        state: 'ended',
        answeredAt,
        answeredBy: '102',
        endedAt: Date.now(),
        result: 'answered-elsewhere',
      });
      return;
    }
    const answered = { ...call, answeredAt, answeredBy: call.extension };
    this.hub.update({ ...answered, state: 'answered' });
    await this.finish(answered, 'answered');
  }

  private async finish(call: TrackedCall, result: CallResult): Promise<void> {
    try {
      await sleep(this.timings.talkMs, this.signal);
    } catch {
      return;
    }
    const endedAt = Date.now();
    const talkSeconds = call.answeredAt ? Math.round((endedAt - call.answeredAt) / 1000) : 0;
    this.hub.update({ ...call, state: 'ended', endedAt, talkSeconds, result });
  }

  private nextId(): string {
    this.sequence += 1;
    return `demo-${Date.now()}.${this.sequence}`;
  }
}
