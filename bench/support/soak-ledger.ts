/** What the soak placed, as the PBX side (sipp) saw it. */
export interface SoakCall {
  readonly index: number;
  readonly path: 'direct' | 'ringGroup' | 'queue' | 'click-to-call';
  /** The caller's number (inbound) or the number dialled (click-to-call), 11 digits, unique per run. */
  readonly number: string;
  /** Phone 101 was offered the call (an INVITE for this number reached it). */
  readonly offered: boolean;
  /** The call reached its normal end on the PBX: answered and hung up, or given up while ringing. */
  readonly completed: boolean;
  /** Phone 101 (inbound) or the far end (click-to-call) answered. */
  readonly answered: boolean;
  /** An Asterisk restart fell inside the call, so the PBX did not complete it its own way. */
  readonly cutByRestart: boolean;
}

/** A journal row of extension 101, reduced to what the ledger compares. */
export interface SoakRow {
  readonly digits: string;
  readonly result: string;
  /** Written after a restart from what the killed helper last saw (`recovered` column). */
  readonly recovered: boolean;
}

export interface WrongResult {
  readonly call: SoakCall;
  readonly result: string;
}

export interface SoakTally {
  /** Calls owed a journal row: offered to 101, completed, no Asterisk restart inside. */
  readonly owed: number;
  readonly rows: number;
  /** Rows beyond the first per call. */
  readonly duplicated: number;
  /** Owed calls with no row. */
  readonly lost: readonly SoakCall[];
  /** Owed calls whose row says answered when nobody answered, or the other way round. */
  readonly wrong: readonly WrongResult[];
  /**
   * The same, in rows marked recovered: the call ended while the helper was down, and the
   * helper can only journal the state it last saw (a call ringing when it was killed and
   * answered meanwhile reads as not answered).
   */
  readonly wrongRecovered: readonly WrongResult[];
  /** Rows of calls the soak did not place (another call on the PBX): none expected. */
  readonly strangers: readonly SoakRow[];
}

/** Inbound callers who gave up while ringing leave `no-answer` or `cancelled` for the phone. */
const UNANSWERED = new Set(['no-answer', 'cancelled']);

export const LOST_ROW_DEFINITION =
  'a lost row is a call owed a row with no journal row of extension 101 for its number; ' +
  'a call is owed one when phone 101 was offered it (sipp got the INVITE), the PBX ended it ' +
  'normally (answered then hung up, or given up while ringing) and no Asterisk restart fell ' +
  'inside it';

/** Compares the calls the PBX completed with the journal rows of the operator's extension. */
export function tallySoak(calls: readonly SoakCall[], rows: readonly SoakRow[]): SoakTally {
  const byNumber = new Map<string, SoakRow[]>();
  for (const row of rows) byNumber.set(row.digits, [...(byNumber.get(row.digits) ?? []), row]);
  const placed = new Set(calls.map((call) => call.number));
  let duplicated = 0;
  for (const found of byNumber.values()) duplicated += Math.max(0, found.length - 1);
  const owed = calls.filter((call) => call.offered && call.completed && !call.cutByRestart);
  const lost: SoakCall[] = [];
  const wrong: WrongResult[] = [];
  const wrongRecovered: WrongResult[] = [];
  for (const call of owed) {
    const row = byNumber.get(call.number)?.[0];
    if (!row) lost.push(call);
    else if (call.answered ? row.result !== 'answered' : !UNANSWERED.has(row.result)) {
      (row.recovered ? wrongRecovered : wrong).push({ call, result: row.result });
    }
  }
  return {
    owed: owed.length,
    rows: rows.length,
    duplicated,
    lost,
    wrong,
    wrongRecovered,
    strangers: rows.filter((row) => !placed.has(row.digits)),
  };
}
