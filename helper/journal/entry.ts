import type {
  CallOutcome,
  CallResult,
  Direction,
  Identity,
  PartyNumber,
  TransferState,
} from '../../shared/protocol';

/** A delivery the call was about: the order, and the courier holding the parcel then. */
export interface JournalOrderRef {
  readonly addressCode: string;
  readonly orderCode: string;
  readonly courierCode?: string;
}

/** The recording of a call, as the PBX named it and as operators reach it. */
export interface RecordingRef {
  /** Path or name the PBX gave the file (`MIXMONITOR_FILENAME`). */
  readonly file?: string;
  readonly url?: string;
}

export type JournalTransfer = TransferState;

/**
 * One extension's part in one finished call, as it is stored: the durable form of an
 * ended `CallView`. Plain JSON so that it can wait in the spool file unchanged.
 */
export interface JournalEntry {
  readonly callId: string;
  readonly extension: string;
  readonly direction: Direction;
  readonly origin: 'pbx' | 'click-to-call';
  readonly remote: PartyNumber;
  readonly clientCode?: string;
  readonly contactCode?: string;
  readonly courierCode?: string;
  readonly orders: readonly JournalOrderRef[];
  /** What the card showed about the caller; absent when the database was not asked. */
  readonly identity?: Identity;
  readonly startedAt: number;
  readonly answeredAt?: number;
  readonly endedAt: number;
  readonly talkSeconds: number;
  readonly result: CallResult;
  readonly missed: boolean;
  readonly answeredBy?: string;
  readonly recording?: RecordingRef;
  readonly transfer?: JournalTransfer;
  /** What the operator noted on the call. */
  readonly outcome?: CallOutcome;
  /**
   * Ended while the helper was not running or could not see the PBX (`endUnseen`): the
   * result is the state last seen, `endedAt` when the helper noticed.
   */
  readonly recovered: boolean;
}

/** What waits in the spool and goes to the database, in order. */
export type JournalRecord =
  | { readonly kind: 'entry'; readonly entry: JournalEntry }
  | {
      readonly kind: 'transfer';
      readonly callId: string;
      readonly extension: string;
      readonly transfer: JournalTransfer;
    }
  | {
      /** An outcome and note saved after the call's entry was handed over; replaces the earlier. */
      readonly kind: 'outcome';
      readonly callId: string;
      readonly extension: string;
      readonly outcome: CallOutcome;
    };

export function entryKey(entry: { callId: string; extension: string }): string {
  return `${entry.callId}|${entry.extension}`;
}
