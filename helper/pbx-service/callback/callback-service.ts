import { randomBytes } from 'node:crypto';
import type { OriginateFailureReason, OriginateRequest } from '../../ami/originate';
import { errorSummary, type ServiceLogger } from '../agi/logger';
import { withDeadline } from '../routing/deadline';
import type { RoutedParcel } from '../routing/route-decision';
import type { CallbackDirectory } from './callback-directory';
import type { RecentCallbacks } from '../routing/callback-memory';
import type { CallbackOriginator } from './callback-originator';
import { parseCallbackRequest, type CallbackRequest } from './callback-request';
import { CallbackStatusBoard, type CallbackStatus } from './callback-status';
import type { DialStatus } from './courier-call';
import { courierCallEntry } from './courier-call-entry';
import { CallbackRefusedError, CallbackUnavailableError } from './errors';
import type { JournalSink } from './journal-sink';

export interface CallbackSettings {
  /** The company's number, shown to the recipient (and to the courier). */
  readonly companyNumber: string;
  /** Where the call continues once the courier answered (`courier-callback`). */
  readonly context: string;
  /** Context of the Local channel that rings the courier (`courier-callback-courier`). */
  readonly courierContext: string;
  /** How long the courier's mobile may ring. */
  readonly ringTimeoutMs: number;
  /** Ask the dialplan to record the conversation. */
  readonly record: boolean;
  readonly lookupTimeoutMs: number;
  readonly defaultCountry: string;
}

export interface CallbackServiceOptions {
  readonly settings: CallbackSettings;
  readonly originator: CallbackOriginator;
  readonly directory: CallbackDirectory;
  readonly memory: RecentCallbacks;
  /** Journals a callback whose courier never answered (the dialplan never saw it). */
  readonly journal?: JournalSink;
  readonly board?: CallbackStatusBoard;
  readonly logger: ServiceLogger;
  readonly now?: () => number;
}

/** What the courier's failed leg means as a Dial status, for the journal. */
const FAILURE_STATUS: Readonly<Record<OriginateFailureReason, DialStatus>> = {
  busy: 'BUSY',
  'no-answer': 'NOANSWER',
  hangup: 'CANCEL',
  congestion: 'CONGESTION',
  failed: 'CHANUNAVAIL',
};

interface Prepared {
  readonly request: CallbackRequest;
  readonly courierMobile: string;
  readonly parcel: RoutedParcel;
}

/**
 * F7: the PBX rings the courier's mobile first and, once he answers, the recipient, who
 * sees the company's number. Requests are checked against the database before anything is
 * dialled: the courier must exist with a mobile, and the number must be a recipient of the
 * order. The answer comes as soon as the courier's phone is being rung; the progress is
 * kept on the status board.
 */
export class CallbackService {
  readonly board: CallbackStatusBoard;
  readonly #options: CallbackServiceOptions;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #now: () => number;

  constructor(options: CallbackServiceOptions) {
    this.#options = options;
    this.board = options.board ?? new CallbackStatusBoard();
    this.#now = options.now ?? Date.now;
  }

  /**
   * Validates and places a callback. Rejects with CallbackRequestError (malformed),
   * CallbackRefusedError (the database does not back it) or CallbackUnavailableError.
   */
  async start(body: unknown, signal: AbortSignal): Promise<CallbackStatus> {
    const { settings, originator } = this.#options;
    const request = parseCallbackRequest(body, settings.defaultCountry);
    if (!originator.ready) throw new CallbackUnavailableError('pbx');
    const prepared = await this.#prepare(request, signal);
    const id = randomBytes(8).toString('hex');
    const status = this.board.begin(id, request.orderCode);
    const work = this.#place(id, prepared);
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
    return status;
  }

  status(id: string): CallbackStatus | undefined {
    return this.board.get(id);
  }

  /** Resolves once every callback placed so far has its courier's outcome. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  async #prepare(request: CallbackRequest, signal: AbortSignal): Promise<Prepared> {
    const { directory, settings } = this.#options;
    const [mobile, addressCode] = await withDeadline(
      (deadline) =>
        Promise.all([
          directory.courierMobile(request.courierCode, deadline),
          directory.recipientDelivery(request.recipient.dbKey, request.orderCode, deadline),
        ]),
      settings.lookupTimeoutMs,
      signal,
      'server.lookupTimeoutMs',
    ).catch((error: unknown) => {
      this.#options.logger.warn(errorSummary(error), 'callback lookup failed');
      throw new CallbackUnavailableError('database');
    });
    if (mobile === undefined) throw new CallbackRefusedError('unknown-courier');
    if (mobile === null) throw new CallbackRefusedError('courier-without-mobile');
    if (addressCode === undefined) throw new CallbackRefusedError('recipient-not-on-order');
    return {
      request,
      courierMobile: mobile,
      parcel: { orderCode: request.orderCode, addressCode, courierCode: request.courierCode },
    };
  }

  #originateRequest(id: string, prepared: Prepared): OriginateRequest {
    const { settings } = this.#options;
    const { request, parcel, courierMobile } = prepared;
    // "__" makes a variable follow the call onto the recipient's leg, where the feedback
    // question is asked should the courier hang up first.
    const variables: Record<string, string> = {
      __CT_ORDER: parcel.orderCode,
      __CT_DELIVERY: parcel.addressCode,
      __CT_COURIER: parcel.courierCode,
      __CT_COURIER_MOBILE: courierMobile,
      CT_COMPANY_NUMBER: settings.companyNumber,
      CT_RECORD: settings.record ? 'yes' : 'no',
      CT_CALLBACK: id,
    };
    if (request.operator !== undefined) variables['__CT_OPERATOR'] = request.operator;
    return {
      // "/n" keeps the Local channel in the call, so its hangup handler journals the end.
      channel: `Local/${courierMobile}@${settings.courierContext}/n`,
      context: settings.context,
      exten: request.recipient.e164,
      callerId: { number: settings.companyNumber },
      timeoutMs: settings.ringTimeoutMs,
      variables,
    };
  }

  async #place(id: string, prepared: Prepared): Promise<void> {
    const { originator, memory, logger } = this.#options;
    const startedAt = this.#now();
    try {
      const result = await originator.originate(this.#originateRequest(id, prepared));
      if (result.ok) {
        this.board.courierAnswered(id);
        // Unremembered, a call back is routed by the parcels: worth a warning, not a failure.
        await memory
          .remember(prepared.request.recipient.dbKey, {
            courierMobile: prepared.courierMobile,
            parcel: prepared.parcel,
          })
          .catch((error: unknown) =>
            logger.warn({ callback: id, ...errorSummary(error) }, 'callback not remembered'),
          );
        logger.info(
          { callback: id, order: prepared.parcel.orderCode },
          'courier answered the callback',
        );
        return;
      }
      this.board.courierUnreachable(id, result.reason);
      await this.#journalUnreached(id, prepared, startedAt, result.reason, result.uniqueid);
    } catch (error) {
      logger.warn({ callback: id, ...errorSummary(error) }, 'callback could not be placed');
      this.board.courierUnreachable(id, 'failed');
      await this.#journalUnreached(id, prepared, startedAt, 'failed', undefined);
    }
  }

  async #journalUnreached(
    id: string,
    prepared: Prepared,
    startedAt: number,
    reason: OriginateFailureReason,
    uniqueid: string | undefined,
  ): Promise<void> {
    const { journal, logger } = this.#options;
    if (journal === undefined) return;
    const entry = courierCallEntry({
      kind: 'callback',
      callId: uniqueid ?? `callback-${id}`,
      startedAt,
      endedAt: this.#now(),
      status: FAILURE_STATUS[reason],
      talkSeconds: 0,
      customer: prepared.request.recipient,
      parcel: prepared.parcel,
      courierMobile: prepared.courierMobile,
      operator: prepared.request.operator,
      recordingFile: undefined,
      callbackId: id,
    });
    try {
      await journal.record({ kind: 'entry', entry });
    } catch (error) {
      logger.error({ callback: id, ...errorSummary(error) }, 'unanswered callback not journaled');
    }
  }
}
