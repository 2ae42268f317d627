import type { CallView, HelperStatus } from '../../../shared/protocol';
import { AmiActionError, AmiPermissionError } from '../../ami/errors';
import { NotAQueueMemberError } from '../queues/queue-presence';
import { ApiError, NotAllowedError } from '../ws/api-error';
import type { CallHub } from './call-hub';
import type { CallOutcomes } from './call-outcomes';
import type {
  CallControl,
  CallControlOutcome,
  CallControlRequest,
  Dialer,
  DialRequest,
  DialUpdate,
  HelperApi,
  JournalQuery,
  OutcomeRequest,
  PushMessage,
  QueuePauseRequest,
  QueuePausing,
  SimulateRequest,
  Simulator,
} from '../../core/helper-api';
import type { JournalReader } from '../../core/journal-reader';
import type { StatusBoard } from './status-board';

export interface HelperServiceParts {
  hub: CallHub;
  status: StatusBoard;
  dialer: Dialer;
  journal: JournalReader;
  /** Hang-up and transfers from the card; real PBX only. */
  callControl?: CallControl;
  /** Pausing in queues; real PBX only. */
  queues?: QueuePausing;
  /** What the operator notes on calls; without it the helper takes no outcomes. */
  outcomes?: CallOutcomes;
  simulator?: Simulator;
}

/** A failed pause as the popup shows it: what the PBX or the helper said, never a stack. */
function queuePauseError(error: unknown): ApiError {
  if (error instanceof NotAQueueMemberError) return new ApiError('not-found', error.message);
  if (error instanceof AmiPermissionError) {
    return new ApiError(
      'pbx-refused',
      'The PBX does not let the helper pause queue members: the AMI account needs the ' +
        '"agent" write class (courier-helper manager-conf prints the account).',
    );
  }
  if (error instanceof AmiActionError) return new ApiError('pbx-refused', error.message);
  return new ApiError('pbx-unavailable', 'The PBX did not answer; try again in a moment.');
}

/** `HelperApi` over the helper's parts; the WebSocket server's only view of them. */
export class HelperService implements HelperApi {
  constructor(private readonly parts: HelperServiceParts) {}

  status(): HelperStatus {
    return this.parts.status.get();
  }

  activeCalls(): CallView[] {
    return this.parts.hub.activeCalls();
  }

  findCalls(callIds: string[]): CallView[] {
    return this.parts.hub.findCalls(callIds);
  }

  async dial(
    request: DialRequest,
    onUpdate: (update: DialUpdate) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const extension = this.pickExtension(request.extension);
    await this.parts.dialer.dial(
      { number: request.number, extension, requestId: request.id },
      (update) => {
        if (update.type === 'dial.progress' && update.stage === 'accepted' && update.remote.dbKey) {
          this.parts.hub.ackMissedByNumber(update.remote.dbKey);
        }
        onUpdate(update);
      },
      signal,
    );
  }

  journal(query: JournalQuery): Promise<{ entries: CallView[]; hasMore: boolean }> {
    return this.parts.journal.query(query);
  }

  async ackMissed(callIds: string[]): Promise<void> {
    this.parts.hub.ackMissed(callIds);
  }

  /** Only the calls of this operator's own extensions are in the hub, so only they are found. */
  async control(request: CallControlRequest): Promise<CallControlOutcome> {
    const call = this.parts.hub
      .activeCalls()
      .find((c) => c.callId === request.callId && c.extension === request.extension);
    if (!call) throw new ApiError('not-found', 'This call has already ended.');
    if (!this.parts.callControl) {
      throw new NotAllowedError('Hang-up and transfers need a real PBX.');
    }
    return this.parts.callControl.control(call, request);
  }

  async pauseQueues(request: QueuePauseRequest): Promise<void> {
    if (!this.parts.queues) throw new NotAllowedError('Queue pause needs a real PBX.');
    try {
      await this.parts.queues.pause(request);
    } catch (error) {
      throw queuePauseError(error);
    }
  }

  async noteOutcome(request: OutcomeRequest): Promise<void> {
    if (!this.parts.outcomes) {
      throw new NotAllowedError('This helper takes no outcomes or notes.');
    }
    await this.parts.outcomes.note(request);
  }

  async simulate(request: SimulateRequest): Promise<void> {
    if (!this.parts.simulator) {
      throw new NotAllowedError('Simulated calls exist only in demo mode.');
    }
    await this.parts.simulator.simulate(request, this.pickExtension(undefined));
  }

  subscribe(listener: (message: PushMessage) => void, signal: AbortSignal): void {
    this.parts.hub.subscribe(listener, signal);
  }

  private pickExtension(requested: string | undefined): string {
    const extensions = this.parts.status.get().operator.extensions;
    if (requested !== undefined) {
      if (!extensions.includes(requested)) {
        throw new ApiError(
          'not-allowed',
          `Extension ${requested} is not one of this operator's (${extensions.join(', ')}).`,
        );
      }
      return requested;
    }
    const first = extensions[0];
    if (!first) {
      throw new ApiError(
        'not-allowed',
        'No extension is configured for this operator: set operator.extensions or operator.user.',
      );
    }
    return first;
  }
}
