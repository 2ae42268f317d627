import * as v from 'valibot';
import {
  CallOutcome,
  CallResult,
  Direction,
  Identity,
  PartyNumber,
  Timestamp,
  TransferState,
} from '../../shared/protocol';
import type { JournalRecord } from './entry';

/** Bumped when a line's shape changes; older lines stay readable by their version. */
export const SPOOL_FORMAT_VERSION = 1;

const Code = v.pipe(v.string(), v.maxLength(64));
const Key = {
  callId: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  extension: v.pipe(v.string(), v.minLength(1), v.maxLength(16)),
};

const EntrySchema = v.object({
  ...Key,
  direction: Direction,
  origin: v.picklist(['pbx', 'click-to-call']),
  remote: PartyNumber,
  clientCode: v.optional(Code),
  contactCode: v.optional(Code),
  courierCode: v.optional(Code),
  orders: v.array(v.object({ addressCode: Code, orderCode: Code, courierCode: v.optional(Code) })),
  identity: v.optional(Identity),
  startedAt: Timestamp,
  answeredAt: v.optional(Timestamp),
  endedAt: Timestamp,
  talkSeconds: v.pipe(v.number(), v.minValue(0)),
  result: CallResult,
  missed: v.boolean(),
  answeredBy: v.optional(v.pipe(v.string(), v.maxLength(64))),
  recording: v.optional(
    v.object({
      file: v.optional(v.pipe(v.string(), v.maxLength(1024))),
      url: v.optional(v.pipe(v.string(), v.maxLength(2048))),
    }),
  ),
  transfer: v.optional(TransferState),
  outcome: v.optional(CallOutcome),
  recovered: v.boolean(),
});

const RecordSchema = v.variant('kind', [
  v.object({ kind: v.literal('entry'), entry: EntrySchema }),
  v.object({ kind: v.literal('transfer'), ...Key, transfer: TransferState }),
  v.object({ kind: v.literal('outcome'), ...Key, outcome: CallOutcome }),
]);

const LineSchema = v.object({ v: v.literal(SPOOL_FORMAT_VERSION), record: RecordSchema });

export function encodeRecord(record: JournalRecord): string {
  return `${JSON.stringify({ v: SPOOL_FORMAT_VERSION, record })}\n`;
}

/** A spooled record, or undefined for a line this version cannot trust. */
export function decodeRecord(line: string): JournalRecord | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  const result = v.safeParse(LineSchema, parsed);
  return result.success ? (result.output.record as JournalRecord) : undefined;
}
