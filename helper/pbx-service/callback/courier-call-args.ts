import { customerNumber } from '../agi/customer-number';
import { NamedArgs, requireArg } from '../agi/named-args';
import { COURIER_CALL_KINDS, DIAL_STATUSES, type CourierCall } from './courier-call';

const MAX_TALK_SECONDS = 86_400;

/**
 * Reads the `journal` script's `kind=…,call=…,started=…,status=…,talk=…,customer=…,
 * order=…,delivery=…,courier=…,reached=…,operator=…,recording=…,callback=…` arguments.
 */
export function parseCourierCallArgs(
  args: readonly string[],
  defaultCountry: string,
  endedAt: number,
): CourierCall {
  const named = new NamedArgs(args);
  const started = named.integer('started', 0, 9_999_999_999);
  const orderCode = named.code('order');
  const addressCode = named.code('delivery');
  const courierCode = named.code('courier');
  const reached = customerNumber(named.number('reached'), defaultCountry);
  return {
    kind: requireArg('kind', named.oneOf('kind', COURIER_CALL_KINDS)),
    callId: requireArg('call', named.callId('call')),
    startedAt: started === undefined ? endedAt : Math.min(started * 1000, endedAt),
    endedAt,
    status: named.oneOf('status', DIAL_STATUSES),
    talkSeconds: named.integer('talk', 0, MAX_TALK_SECONDS) ?? 0,
    customer: customerNumber(named.number('customer'), defaultCountry),
    parcel: {
      ...(orderCode !== undefined ? { orderCode } : {}),
      ...(addressCode !== undefined ? { addressCode } : {}),
      ...(courierCode !== undefined ? { courierCode } : {}),
    },
    courierMobile: reached?.e164,
    operator: named.extension('operator'),
    recordingFile: named.fileName('recording'),
    callbackId: named.token('callback'),
  };
}
