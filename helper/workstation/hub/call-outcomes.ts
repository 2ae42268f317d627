import type { CallOutcome, CallView, OutcomeSettings } from '../../../shared/protocol';
import type { OutcomeRequest } from '../../core/helper-api';
import { ApiError } from '../ws/api-error';
import type { CallHub } from './call-hub';

/** Where a noted outcome is kept for good: the durable journal. */
export interface OutcomeKeeper {
  noted(call: Pick<CallView, 'callId' | 'extension'>, outcome: CallOutcome): Promise<void>;
}

export interface CallOutcomesOptions {
  readonly hub: Pick<CallHub, 'activeCalls' | 'recentCalls' | 'setOutcome'>;
  readonly settings: OutcomeSettings;
  /** The operator's extensions now. */
  readonly extensions: () => readonly string[];
  /** Absent without a durable journal: the outcome then lives with the hub's recent calls. */
  readonly keeper?: OutcomeKeeper;
  readonly now?: () => number;
}

/**
 * What the operator notes on their calls from the card: checked against the call (one of
 * the operator's, rung, going on, or ended less than the configured time ago), the
 * configured outcomes and the orders the card showed; kept for good first, then shown on
 * the call's card everywhere.
 */
export class CallOutcomes {
  private readonly now: () => number;

  constructor(private readonly options: CallOutcomesOptions) {
    this.now = options.now ?? Date.now;
  }

  async note(request: OutcomeRequest): Promise<void> {
    const call = this.callOf(request);
    const outcome = this.outcomeOf(call, request);
    await this.options.keeper?.noted(call, outcome);
    this.options.hub.setOutcome(call, outcome);
  }

  private callOf(request: OutcomeRequest): CallView {
    if (!this.options.extensions().includes(request.extension)) {
      throw new ApiError('not-allowed', `Extension ${request.extension} is not this operator's.`);
    }
    const same = (view: CallView): boolean =>
      view.callId === request.callId && view.extension === request.extension;
    const call =
      this.options.hub.activeCalls().find(same) ?? this.options.hub.recentCalls().find(same);
    if (call === undefined) {
      throw new ApiError('not-found', 'This call is not known to the helper any more.');
    }
    if (call.state === 'answered-elsewhere' || call.result === 'answered-elsewhere') {
      throw new ApiError('not-allowed', 'This call was answered on another phone.');
    }
    const { endedAt } = call;
    if (endedAt !== undefined && this.now() > endedAt + this.options.settings.afterCallMs) {
      throw new ApiError('expired', 'The time to note this call has passed.');
    }
    return call;
  }

  private outcomeOf(call: CallView, request: OutcomeRequest): CallOutcome {
    const choice =
      request.outcome === undefined
        ? undefined
        : this.options.settings.choices.find((c) => c.code === request.outcome);
    if (request.outcome !== undefined && choice === undefined) {
      throw new ApiError('not-allowed', `The outcome "${request.outcome}" is not configured.`);
    }
    const { deliveries } = call.identity;
    // Without a pick the call is about every order the card showed; with one only, that one.
    const delivery =
      request.orderCode === undefined
        ? deliveries.length === 1
          ? deliveries[0]
          : undefined
        : deliveries.find((d) => d.orderCode === request.orderCode);
    if (request.orderCode !== undefined && delivery === undefined) {
      throw new ApiError('not-allowed', 'This order was not shown for this call.');
    }
    const note = request.note?.trim();
    return {
      ...(choice ? { code: choice.code, label: choice.label } : {}),
      ...(note ? { note } : {}),
      ...(delivery
        ? {
            order: {
              code: delivery.orderCode,
              ...(delivery.orderNumber ? { number: delivery.orderNumber.slice(0, 64) } : {}),
            },
          }
        : {}),
      at: this.now(),
    };
  }
}
