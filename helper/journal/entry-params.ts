import type { CallOutcome, Identity } from '../../shared/protocol';
import { partyNames } from '../core/party-names';
import type { JournalEntry, JournalTransfer } from './entry';
import type { SqlValue } from './journal-database';
import { ENTRY_COLUMNS, OUTCOME_COLUMNS, TRANSFER_COLUMNS } from './journal-sql';
import { toSqlTime } from './sql-time';

const MAX_CODE = 4_294_967_295;

/**
 * A code as the courier schema keys it (INT UNSIGNED), or null. A deployment with other
 * codes still has them in `identity_json`; only the join column stays empty.
 */
export function numericCode(code: string | undefined): number | null {
  if (code === undefined || !/^\d{1,10}$/.test(code)) return null;
  const value = Number(code);
  return value <= MAX_CODE ? value : null;
}

function clip(value: string | undefined, max: number): string | null {
  if (value === undefined || value.length === 0) return null;
  return value.length > max ? value.slice(0, max) : value;
}

type Column = (typeof ENTRY_COLUMNS)[number];
type TransferColumn = (typeof TRANSFER_COLUMNS)[number];

function transferValues(transfer: JournalTransfer | undefined): Record<TransferColumn, SqlValue> {
  if (transfer === undefined) {
    return Object.fromEntries(TRANSFER_COLUMNS.map((column) => [column, null])) as Record<
      TransferColumn,
      SqlValue
    >;
  }
  return {
    transfer_target: transfer.target,
    // Entries spooled before attended transfers existed were blind.
    transfer_mode: transfer.mode ?? 'blind',
    transferred_to: clip(transfer.to, 64),
    transfer_ok: transfer.ok ? 1 : 0,
    transfer_reason: transfer.reason ?? null,
    transferred_at: toSqlTime(transfer.at),
    transfer_message: clip(transfer.message, 512),
  };
}

type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

function outcomeValues(outcome: CallOutcome | undefined): Record<OutcomeColumn, SqlValue> {
  return {
    outcome: outcome?.code ?? null,
    outcome_label: clip(outcome?.label, 128),
    note: clip(outcome?.note, 1000),
    outcome_order_code: numericCode(outcome?.order?.code),
    outcome_order_number: clip(outcome?.order?.number, 64),
    noted_at: outcome === undefined ? null : toSqlTime(outcome.at),
  };
}

/** The names a journal search by name finds the call by. */
function remoteName(identity: Identity | undefined): string | null {
  return identity === undefined ? null : clip(partyNames(identity).join(', '), 255);
}

/** The values of {@link ENTRY_COLUMNS}, in order. */
export function entryParams(entry: JournalEntry): SqlValue[] {
  const values: Record<Column, SqlValue> = {
    call_id: entry.callId,
    extension: entry.extension,
    direction: entry.direction,
    origin: entry.origin,
    remote_raw: clip(entry.remote.raw, 64) ?? '',
    remote_e164: entry.remote.e164 ?? null,
    remote_db_key: entry.remote.dbKey ?? null,
    client_code: numericCode(entry.clientCode),
    contact_code: numericCode(entry.contactCode),
    courier_code: numericCode(entry.courierCode),
    identity_json: entry.identity === undefined ? null : JSON.stringify(entry.identity),
    remote_name: remoteName(entry.identity),
    started_at: toSqlTime(entry.startedAt),
    answered_at: entry.answeredAt === undefined ? null : toSqlTime(entry.answeredAt),
    ended_at: toSqlTime(entry.endedAt),
    talk_seconds: Math.max(0, Math.round(entry.talkSeconds)),
    result: entry.result,
    missed: entry.missed ? 1 : 0,
    answered_by: clip(entry.answeredBy, 64),
    recording_file: clip(entry.recording?.file, 255),
    recording_url: clip(entry.recording?.url, 2048),
    ...transferValues(entry.transfer),
    ...outcomeValues(entry.outcome),
    recovered: entry.recovered ? 1 : 0,
  };
  return ENTRY_COLUMNS.map((column) => values[column]);
}

/** Order rows `(journal_id, address_code, order_code, courier_code)`, flattened. */
export function orderParams(journalId: number, entry: JournalEntry): SqlValue[] {
  const params: SqlValue[] = [];
  for (const order of entry.orders) {
    const address = numericCode(order.addressCode);
    const zakaz = numericCode(order.orderCode);
    if (address === null || zakaz === null) continue;
    params.push(journalId, address, zakaz, numericCode(order.courierCode));
  }
  return params;
}

/** The values of `UPDATE_OUTCOME`: the outcome columns, then the key. */
export function outcomeParams(callId: string, extension: string, outcome: CallOutcome): SqlValue[] {
  const values = outcomeValues(outcome);
  return [...OUTCOME_COLUMNS.map((column) => values[column]), callId, extension];
}

export function transferParams(
  callId: string,
  extension: string,
  transfer: JournalTransfer,
): SqlValue[] {
  const t = transferValues(transfer);
  return [...TRANSFER_COLUMNS.map((column) => t[column]), callId, extension];
}
