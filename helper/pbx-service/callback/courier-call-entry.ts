import type { CallResult } from '../../../shared/protocol';
import type { JournalEntry, JournalOrderRef } from '../../journal/entry';
import type { CourierCall, DialStatus } from './courier-call';

const RESULTS: Readonly<Record<DialStatus, CallResult>> = {
  ANSWER: 'answered',
  BUSY: 'busy',
  NOANSWER: 'no-answer',
  CANCEL: 'cancelled',
  CONGESTION: 'failed',
  CHANUNAVAIL: 'failed',
  DONTCALL: 'failed',
  TORTURE: 'failed',
  INVALIDARGS: 'failed',
};

/** What a call's last Dial status means for the journal. */
export function resultOf(status: DialStatus | undefined): CallResult {
  // Nothing dialled yet: the caller hung up while the route was decided.
  return status === undefined ? 'cancelled' : RESULTS[status];
}

/** The journal's "extension" column of a courier call: the operator's, else the mobile's digits. */
function rowOwner(call: CourierCall): string {
  if (call.operator !== undefined) return call.operator;
  if (call.courierMobile !== undefined) return call.courierMobile.replace(/^\+/, '');
  return 'courier';
}

function orders(call: CourierCall): JournalOrderRef[] {
  const { orderCode, addressCode, courierCode } = call.parcel;
  if (orderCode === undefined || addressCode === undefined) return [];
  return [{ orderCode, addressCode, ...(courierCode !== undefined ? { courierCode } : {}) }];
}

/**
 * A courier call as a journal entry, in the same journal as the operators' calls. A routed
 * call is incoming (the recipient called the company); a callback is outgoing, placed by
 * the PBX like a click-to-call.
 */
export function courierCallEntry(call: CourierCall): JournalEntry {
  const result = resultOf(call.status);
  const answered = result === 'answered';
  const answeredAt = answered
    ? Math.max(call.startedAt, call.endedAt - call.talkSeconds * 1000)
    : undefined;
  const customer = call.customer;
  return {
    callId: call.callId,
    extension: rowOwner(call),
    direction: call.kind === 'route' ? 'in' : 'out',
    origin: call.kind === 'route' ? 'pbx' : 'click-to-call',
    remote:
      customer === undefined
        ? { raw: '' }
        : { raw: customer.dbKey, e164: customer.e164, dbKey: customer.dbKey },
    ...(call.parcel.courierCode !== undefined ? { courierCode: call.parcel.courierCode } : {}),
    orders: orders(call),
    startedAt: call.startedAt,
    ...(answeredAt !== undefined ? { answeredAt } : {}),
    endedAt: call.endedAt,
    talkSeconds: answered ? call.talkSeconds : 0,
    result,
    missed: call.kind === 'route' && !answered,
    ...(answered && call.kind === 'route' && call.courierMobile !== undefined
      ? { answeredBy: call.courierMobile }
      : {}),
    ...(call.recordingFile !== undefined ? { recording: { file: call.recordingFile } } : {}),
    recovered: false,
  };
}
