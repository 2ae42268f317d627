import * as v from 'valibot';
import {
  CallControlFailure,
  CallOutcome,
  CallResult,
  Direction,
  EMPTY_IDENTITY,
  Identity,
  TransferMode,
  TransferTarget,
  type CallView,
  type PartyNumber,
  type TransferState,
} from '../../shared/protocol';
import type { SqlRow } from './journal-database';
import { fromSqlTime } from './sql-time';

function text(row: SqlRow, column: string): string | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  const s = String(value);
  return s.length > 0 ? s : undefined;
}

function flag(row: SqlRow, column: string): boolean | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  return Number(value) === 1;
}

function identityOf(row: SqlRow): CallView['identity'] | undefined {
  const raw = row.identity_json;
  if (raw === null || raw === undefined) return undefined;
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const result = v.safeParse(Identity, parsed);
  return result.success ? result.output : undefined;
}

function transferOf(row: SqlRow): TransferState | undefined {
  const target = v.safeParse(TransferTarget, row.transfer_target);
  const to = text(row, 'transferred_to');
  const at = fromSqlTime(row.transferred_at);
  if (!target.success || to === undefined || at === undefined) return undefined;
  const mode = v.safeParse(TransferMode, row.transfer_mode);
  const reason = v.safeParse(CallControlFailure, row.transfer_reason);
  const message = text(row, 'transfer_message');
  return {
    target: target.output,
    ...(mode.success ? { mode: mode.output } : {}),
    to,
    ok: flag(row, 'transfer_ok') ?? false,
    at,
    ...(reason.success ? { reason: reason.output } : {}),
    ...(message ? { message } : {}),
  };
}

function outcomeOf(row: SqlRow): CallView['outcome'] | undefined {
  const at = fromSqlTime(row.noted_at);
  if (at === undefined) return undefined;
  const code = text(row, 'outcome');
  const label = text(row, 'outcome_label');
  const note = text(row, 'note');
  const orderCode = text(row, 'outcome_order_code');
  const orderNumber = text(row, 'outcome_order_number');
  const outcome = {
    ...(code ? { code } : {}),
    ...(label ? { label } : {}),
    ...(note ? { note } : {}),
    ...(orderCode
      ? { order: { code: orderCode, ...(orderNumber ? { number: orderNumber } : {}) } }
      : {}),
    at,
  };
  // A row written by hand or by another tool may hold what the protocol refuses.
  const result = v.safeParse(CallOutcome, outcome);
  return result.success ? result.output : undefined;
}

function remoteOf(row: SqlRow): PartyNumber {
  const e164 = text(row, 'remote_e164');
  const dbKey = text(row, 'remote_db_key');
  return {
    raw: text(row, 'remote_raw') ?? '',
    ...(e164 ? { e164 } : {}),
    ...(dbKey ? { dbKey } : {}),
  };
}

/** A `call_journal` row as the popup shows it; undefined for a row it cannot read. */
export function rowToView(row: SqlRow): CallView | undefined {
  const direction = v.safeParse(Direction, row.direction);
  const result = v.safeParse(CallResult, row.result);
  const startedAt = fromSqlTime(row.started_at);
  const endedAt = fromSqlTime(row.ended_at);
  const callId = text(row, 'call_id');
  const extension = text(row, 'extension');
  if (!direction.success || !result.success || startedAt === undefined) return undefined;
  if (endedAt === undefined || callId === undefined || extension === undefined) return undefined;
  const answeredAt = fromSqlTime(row.answered_at);
  const answeredBy = text(row, 'answered_by');
  const recordingUrl = text(row, 'recording_url');
  const identity = identityOf(row);
  const transfer = transferOf(row);
  const outcome = outcomeOf(row);
  return {
    callId,
    extension,
    direction: direction.output,
    state: 'ended',
    remote: remoteOf(row),
    origin: row.origin === 'click-to-call' ? 'click-to-call' : 'pbx',
    identity: identity ?? EMPTY_IDENTITY,
    lookup: identity ? 'done' : 'none',
    startedAt,
    ...(answeredAt !== undefined ? { answeredAt } : {}),
    endedAt,
    talkSeconds: Number(row.talk_seconds ?? 0),
    result: result.output,
    ...(answeredBy ? { answeredBy } : {}),
    ...(recordingUrl ? { recordingUrl } : {}),
    missed: flag(row, 'missed') ?? false,
    ...(transfer ? { transfer } : {}),
    ...(outcome ? { outcome } : {}),
  };
}

export const VIEW_COLUMNS =
  'call_id, extension, direction, origin, remote_raw, remote_e164, remote_db_key, ' +
  'identity_json, started_at, answered_at, ended_at, talk_seconds, result, missed, ' +
  'answered_by, recording_url, transfer_target, transfer_mode, transferred_to, transfer_ok, ' +
  'transfer_reason, transferred_at, transfer_message, outcome, outcome_label, note, ' +
  'outcome_order_code, outcome_order_number, noted_at';
