import type {
  CallResult,
  CallState,
  CallView,
  Direction,
  PartyNumber,
} from '../../../shared/protocol';
import type { CountryCode } from '../../../shared/phone/types';

/**
 * A call as one of the operator's extensions sees it, before the app attaches what the
 * database knows about the remote party. A view is identified by `callId` (the PBX's
 * Linkedid) together with `extension`: when two of the operator's phones take part in the
 * same call, each has its own view.
 */
export type TrackedCallView = Omit<CallView, 'identity' | 'lookup'>;

/** What just happened to a view; the same names as the states it moves to. */
export type CallChange = CallState;

/** Everything the call journal needs about one extension's part in a finished call. */
export interface EndedCallRecord {
  readonly callId: string;
  readonly extension: string;
  readonly direction: Direction;
  readonly origin: 'pbx' | 'click-to-call';
  readonly remote: PartyNumber;
  /** When this extension's part began: its phone started ringing, or it started dialling. */
  readonly startedAt: number;
  readonly answeredAt: number | undefined;
  readonly endedAt: number;
  /** Seconds between answer and end; 0 when this extension never talked. */
  readonly talkSeconds: number;
  readonly result: CallResult;
  /** The extension that took the call (this one, another phone of a ring group, …). */
  readonly answeredBy: string | undefined;
  /** An incoming or internal call that rang this extension and that nobody answered here. */
  readonly missed: boolean;
}

export interface CallUpdate {
  readonly change: CallChange;
  readonly view: TrackedCallView;
  /**
   * Present when `change` is `ended`, except on a view that moved to another call
   * (`view.movedTo`): the extension's part goes on there and is recorded when that ends.
   */
  readonly record?: EndedCallRecord;
}

export interface CallTrackerOptions {
  /** The operator's extensions, e.g. `['101', '102']`. */
  readonly extensions: readonly string[];
  /** Country of numbers reported without a country code; Russia by default. */
  readonly defaultCountry?: CountryCode;
  /** Replaces the default number normalization (shared/phone) — for tests and demo mode. */
  readonly partyNumber?: (raw: string) => PartyNumber;
  /** Clock in epoch milliseconds; Date.now by default. */
  readonly now?: () => number;
  /** ChannelId prefix of click-to-call originates, so such calls are recognized after a restart. */
  readonly clickToCallPrefix?: string;
  /** A call still open after this long is ended by sweep(); default 12 hours. */
  readonly maxCallAgeMs?: number;
  /** Most calls (of any extension) held at once; the oldest are dropped beyond it. Default 2000. */
  readonly maxCalls?: number;
  /** How long an expectOriginate() announcement waits for its channel; default 5 minutes. */
  readonly expectTtlMs?: number;
}

export const DEFAULT_CLICK_TO_CALL_PREFIX = 'ctc-';
