/** How the soak's client asks every transfer: blind, to an extension typed in. */
export const SOAK_TRANSFER = { mode: 'blind', target: 'number' } as const;

/**
 * How the client's transfer of a `transfer` call went, as the client heard it: `done` (the
 * helper said it transferred), `refused` (the helper said why not), `no-reply` (no answer
 * reached the client: its socket or the helper went down meanwhile), `not-asked` (the
 * client never saw the call answered on its card, so it could not ask).
 */
export interface SoakTransfer {
  readonly asked: 'done' | 'refused' | 'no-reply' | 'not-asked';
  /** The extension the client asked to transfer to. */
  readonly to: string;
  /** `refused`: the helper's reason. */
  readonly reason?: string;
  /** The number the helper's reply said it dialled; absent when it found none (or said nothing). */
  readonly dialled?: string;
  /** The phone transferred to was offered the call (an INVITE from the caller reached it). */
  readonly reached: boolean;
}

/** What the soak placed, as the PBX side (sipp) saw it. */
export interface SoakCall {
  readonly index: number;
  readonly path: 'direct' | 'ringGroup' | 'queue' | 'click-to-call' | 'transfer';
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
  /** `transfer` calls: the transfer the client asked for once 101 had answered. */
  readonly transfer?: SoakTransfer;
}

/** The transfer columns of a journal row (migration 006), as the ledger compares them. */
export interface RowTransfer {
  readonly target: string;
  readonly mode: string;
  readonly to: string;
  readonly ok: boolean;
  readonly reason: string | null;
}

/** A journal row of this run, reduced to what the ledger compares. */
export interface SoakRow {
  readonly extension: string;
  readonly digits: string;
  readonly result: string;
  /** Written from the state last seen: after a restart, or an end the AMI link missed (`recovered`). */
  readonly recovered: boolean;
  /** Absent when the row records no transfer. */
  readonly transfer?: RowTransfer;
}

export interface WrongResult {
  readonly call: SoakCall;
  /** What the row says. */
  readonly result: string;
  /** What the PBX did, when the row is wrong about a transfer. */
  readonly expected?: string;
}

export interface SoakTally {
  /** Calls owed a journal row: offered to 101, completed, no Asterisk restart inside. */
  readonly owed: number;
  readonly rows: number;
  /** Rows beyond the first per call. */
  readonly duplicated: number;
  /** Owed calls with no row. */
  readonly lost: readonly SoakCall[];
  /**
   * Owed calls whose row says answered when nobody answered, or the other way round, or
   * records a transfer other than the one the PBX did.
   */
  readonly wrong: readonly WrongResult[];
  /**
   * The same, in rows marked recovered: the call ended while the helper was down or its AMI
   * link was cut, and the helper can only journal the state it last saw (a call ringing
   * when it lost sight of it and answered meanwhile reads as not answered).
   */
  readonly wrongRecovered: readonly WrongResult[];
  /** Rows of calls the soak did not place (another call on the PBX): none expected. */
  readonly strangers: readonly SoakRow[];
  /**
   * Rows of other extensions (the phone a call was transferred to): none expected, the
   * helper journals only the extensions it serves.
   */
  readonly otherExtensions: readonly SoakRow[];
}

/** Inbound callers who gave up while ringing leave `no-answer` or `cancelled` for the phone. */
const UNANSWERED = new Set(['no-answer', 'cancelled']);

/** The extension the soak's helper serves: the only one it journals. */
const OPERATOR = '101';

export const LOST_ROW_DEFINITION =
  'a lost row is a call owed a row with no journal row of extension 101 for its number; ' +
  'a call is owed one when phone 101 was offered it (sipp got the INVITE), the PBX ended it ' +
  'normally (answered then hung up, or given up while ringing) and no Asterisk restart fell ' +
  'inside it';

/** What the row of a transfer call must say about the transfer; a text for the report. */
interface TransferExpectation {
  readonly fits: (row: RowTransfer | undefined) => boolean;
  readonly text: string;
}

const blindTo = (row: RowTransfer | undefined, to: string): row is RowTransfer =>
  row !== undefined &&
  row.mode === SOAK_TRANSFER.mode &&
  row.target === SOAK_TRANSFER.target &&
  row.to === to;

/**
 * The PBX says what happened: when the phone transferred to was offered the call, the row
 * must record the transfer as done. Otherwise it must not: a transfer the helper refused
 * after finding the number is journaled as refused with the reason it gave the client; one
 * never asked, or refused before a number was found, not at all; when the client heard
 * nothing, the helper may have journaled a refusal the client never got, or never got the
 * request.
 */
export function expectedTransfer(transfer: SoakTransfer): TransferExpectation {
  const { asked, to, dialled, reason } = transfer;
  if (transfer.reached) {
    return { fits: (row) => blindTo(row, to) && row.ok, text: `transferred to ${to}` };
  }
  if (asked === 'refused' && dialled) {
    return {
      fits: (row) => blindTo(row, dialled) && !row.ok && row.reason === (reason ?? null),
      text: `transfer to ${dialled} refused: ${reason}`,
    };
  }
  if (asked === 'refused' || asked === 'not-asked') {
    return { fits: (row) => row === undefined, text: 'no transfer' };
  }
  return {
    fits: (row) => row === undefined || !row.ok,
    text: `no transfer, or one refused (${to} was never offered the call)`,
  };
}

export function describeRow(row: SoakRow): string {
  const { transfer } = row;
  if (!transfer) return row.result;
  const how = transfer.ok ? 'done' : `refused: ${transfer.reason}`;
  return `${row.result}, ${transfer.mode} transfer (${transfer.target}) to ${transfer.to} ${how}`;
}

/** Compares the calls the PBX completed with the journal rows of the operator's extension. */
export function tallySoak(calls: readonly SoakCall[], rows: readonly SoakRow[]): SoakTally {
  const byNumber = new Map<string, SoakRow[]>();
  const own = rows.filter((row) => row.extension === OPERATOR);
  for (const row of own) byNumber.set(row.digits, [...(byNumber.get(row.digits) ?? []), row]);
  const placed = new Set(calls.map((call) => call.number));
  let duplicated = 0;
  for (const found of byNumber.values()) duplicated += Math.max(0, found.length - 1);
  const owed = calls.filter((call) => call.offered && call.completed && !call.cutByRestart);
  const lost: SoakCall[] = [];
  const wrong: WrongResult[] = [];
  const wrongRecovered: WrongResult[] = [];
  for (const call of owed) {
    const row = byNumber.get(call.number)?.[0];
    if (!row) {
      lost.push(call);
      continue;
    }
    const expected = call.transfer && expectedTransfer(call.transfer);
    const resultFits = call.answered ? row.result === 'answered' : UNANSWERED.has(row.result);
    if (resultFits && (!expected || expected.fits(row.transfer))) continue;
    (row.recovered ? wrongRecovered : wrong).push({
      call,
      result: describeRow(row),
      ...(expected ? { expected: expected.text } : {}),
    });
  }
  return {
    owed: owed.length,
    rows: own.length,
    duplicated,
    lost,
    wrong,
    wrongRecovered,
    strangers: own.filter((row) => !placed.has(row.digits)),
    otherExtensions: rows.filter((row) => row.extension !== OPERATOR),
  };
}
