import type {
  CallControlOutcome,
  CallControlRequest,
  DialRequest,
  DialUpdate,
  HelperApi,
  JournalQuery,
  OutcomeRequest,
  PushMessage,
  QueuePauseRequest,
  SimulateRequest,
} from '../../../../../helper/core/helper-api';
import type { CallView, HelperStatus } from '../../../../../shared/protocol';

export const SAMPLE_STATUS: HelperStatus = {
  helperVersion: '1.2.3',
  pbx: { state: 'connected', since: 1_700_000_000_000 },
  database: { state: 'connected' },
  operator: { extensions: ['101', '102'] },
  demo: false,
  missedCount: 2,
};

export const SAMPLE_CALL: CallView = {
  callId: '1700000000.42',
  extension: '101',
  direction: 'in',
  state: 'ringing',
  remote: { raw: '79161234567', e164: '+79161234567', dbKey: '79161234567' },
  origin: 'pbx',
  identity: { clients: [], couriers: [], deliveries: [] },
  lookup: 'done',
  startedAt: 1_700_000_000_000,
};

type DialBehaviour = (
  request: DialRequest,
  onUpdate: (update: DialUpdate) => void,
  signal: AbortSignal,
) => Promise<void>;

/** Answers every dial at once: accepted, ringing-you, then a connected result. */
export const instantDial: DialBehaviour = async (request, onUpdate) => {
  const remote = { raw: request.number };
  onUpdate({ type: 'dial.progress', id: request.id, stage: 'accepted', extension: '101', remote });
  onUpdate({
    type: 'dial.progress',
    id: request.id,
    stage: 'ringing-you',
    extension: '101',
    remote,
  });
  onUpdate({ type: 'dial.result', id: request.id, ok: true, outcome: 'connected' });
};

/**
 * A `HelperApi` that records calls and lets each test decide the answers.
 * Pushes go to live subscribers only, exactly like the real helper's.
 */
export class FakeHelperApi implements HelperApi {
  readonly calls: { method: string; args: unknown }[] = [];
  readonly dialSignals: AbortSignal[] = [];
  private readonly listeners = new Set<(message: PushMessage) => void>();

  dialBehaviour: DialBehaviour = instantDial;
  journalResult: { entries: CallView[]; hasMore: boolean } = {
    entries: [SAMPLE_CALL],
    hasMore: true,
  };
  controlResult: CallControlOutcome = { ok: true, to: '205' };
  failWith: Partial<
    Record<
      'journal' | 'ackMissed' | 'control' | 'pauseQueues' | 'noteOutcome' | 'simulate' | 'dial',
      Error
    >
  > = {};

  status(): HelperStatus {
    return SAMPLE_STATUS;
  }

  activeCalls(): CallView[] {
    return [SAMPLE_CALL];
  }

  /** What `findCalls` answers; none by default. */
  foundCalls: CallView[] = [];

  findCalls(callIds: string[]): CallView[] {
    this.calls.push({ method: 'findCalls', args: callIds });
    return this.foundCalls.filter((call) => callIds.includes(call.callId));
  }

  async dial(request: DialRequest, onUpdate: (u: DialUpdate) => void, signal: AbortSignal) {
    this.calls.push({ method: 'dial', args: request });
    this.dialSignals.push(signal);
    if (this.failWith.dial) throw this.failWith.dial;
    await this.dialBehaviour(request, onUpdate, signal);
  }

  async journal(query: JournalQuery) {
    this.calls.push({ method: 'journal', args: query });
    if (this.failWith.journal) throw this.failWith.journal;
    return this.journalResult;
  }

  async ackMissed(callIds: string[]) {
    this.calls.push({ method: 'ackMissed', args: callIds });
    if (this.failWith.ackMissed) throw this.failWith.ackMissed;
  }

  async control(request: CallControlRequest) {
    this.calls.push({ method: 'control', args: request });
    if (this.failWith.control) throw this.failWith.control;
    return this.controlResult;
  }

  async pauseQueues(request: QueuePauseRequest) {
    this.calls.push({ method: 'pauseQueues', args: request });
    if (this.failWith.pauseQueues) throw this.failWith.pauseQueues;
  }

  async noteOutcome(request: OutcomeRequest) {
    this.calls.push({ method: 'noteOutcome', args: request });
    if (this.failWith.noteOutcome) throw this.failWith.noteOutcome;
  }

  async simulate(request: SimulateRequest) {
    this.calls.push({ method: 'simulate', args: request });
    if (this.failWith.simulate) throw this.failWith.simulate;
  }

  subscribe(listener: (message: PushMessage) => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  push(message: PushMessage): void {
    for (const listener of this.listeners) listener(message);
  }

  subscriberCount(): number {
    return this.listeners.size;
  }
}
