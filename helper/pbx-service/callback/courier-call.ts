import type { CustomerNumber } from '../agi/customer-number';
import type { RoutedParcel } from '../routing/route-decision';

export const COURIER_CALL_KINDS = ['route', 'callback'] as const;
/** `route`: a recipient called and was put through to a courier; `callback`: F7. */
export type CourierCallKind = (typeof COURIER_CALL_KINDS)[number];

/** Dial()'s DIALSTATUS values. */
export const DIAL_STATUSES = [
  'ANSWER',
  'BUSY',
  'NOANSWER',
  'CANCEL',
  'CONGESTION',
  'CHANUNAVAIL',
  'DONTCALL',
  'TORTURE',
  'INVALIDARGS',
] as const;
export type DialStatus = (typeof DIAL_STATUSES)[number];

/** A finished call between a courier's mobile and a recipient, as the PBX reported it. */
export interface CourierCall {
  readonly kind: CourierCallKind;
  /** Asterisk's Linkedid. */
  readonly callId: string;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The last Dial's status; undefined when the call ended before anything was dialled. */
  readonly status: DialStatus | undefined;
  readonly talkSeconds: number;
  /** The recipient. */
  readonly customer: CustomerNumber | undefined;
  readonly parcel: Partial<RoutedParcel>;
  /** The courier's mobile, `+E.164`. */
  readonly courierMobile: string | undefined;
  /** The operator who asked for a callback, if one did. */
  readonly operator: string | undefined;
  readonly recordingFile: string | undefined;
  /** The callback's id, to report its end to whoever asked for it. */
  readonly callbackId: string | undefined;
}
