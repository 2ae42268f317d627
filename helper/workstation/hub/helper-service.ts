import type { CallView, HelperStatus } from '../../../shared/protocol';
import { ApiError, NotAllowedError } from '../ws/api-error';
import type { CallHub } from './call-hub';
import type { CallOutcomes } from './call-outcomes';
import type {
  Dialer,
  DialRequest,
  DialUpdate,
  HelperApi,
  JournalQuery,
  OutcomeRequest,
  PushMessage,
  SimulateRequest,
  Simulator,
  Transferrer,
  TransferRequest,
} from '../../core/helper-api';
import type { JournalReader } from '../../core/journal-reader';
import type { StatusBoard } from './status-board';

export interface HelperServiceParts {
  hub: CallHub;
  status: StatusBoard;
  dialer: Dialer;
  journal: JournalReader;
  transferrer?: Transferrer;
  /** What the operator notes on calls; without it the helper takes no outcomes. */
  outcomes?: CallOutcomes;
  simulator?: Simulator;
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

  async transfer(
    request: TransferRequest,
  ): Promise<{ ok: boolean; to?: string; message?: string }> {
    const call = this.parts.hub.activeCalls().find((c) => c.callId === request.callId);
    if (!call) throw new ApiError('not-found', 'This call has already ended.');
    if (!this.parts.transferrer) {
      throw new NotAllowedError('Transfer is not available on this helper.');
    }
    return this.parts.transferrer.transfer(call, request);
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
