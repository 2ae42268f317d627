/**
 * The test PBX's numbering, matching the templates in `harness/asterisk/`.
 * Tests and the Asterisk service share these names; ports are chosen per run.
 */

/** Operator phones (PJSIP endpoints with static contacts) and the outbound far end. */
export const PHONES = ['101', '102', '103'] as const;
export type PhoneName = (typeof PHONES)[number];
export const SIP_PEERS = [...PHONES, 'farend'] as const;
export type SipPeerName = (typeof SIP_PEERS)[number];

/** Source address of the inbound trunk's calls; PJSIP identifies the trunk by it. */
export const TRUNK_IP = '127.0.0.2';
/** Address the phones, the far end and the PBX use. */
export const PBX_IP = '127.0.0.1';

/** The dialled numbers (DIDs) of the inbound routes in `extensions.conf`, `[from-trunk]`. */
export const DIDS = {
  /** `Dial(PJSIP/101,20,t)` */
  direct: '74957770101',
  /** `Dial(PJSIP/101&PJSIP/102,20,t)` */
  ringGroup: '74957770200',
  /** `Queue(operators)`: ring-all over `Local/10x@from-queue/n` members. */
  queue: '74957770300',
  /** `Queue(operators-retry)`: the same members in rounds of 3 s, 1 s apart. */
  queueRetry: '74957770310',
  /** `Dial(Local/101@from-queue/n,20,t)`, FreePBX style. */
  local: '74957770400',
  /** A greeting first (`Answer`, `Wait(1)`), then `Dial(PJSIP/101,20,t)`, as an IVR does. */
  greeting: '74957770600',
  /** FreePBX's `[ext-local]`: `PICKUPMARK=101`, then `Dial(PJSIP/101,20,t)`. */
  pickup: '74957770700',
} as const;
export type DialplanPath = keyof typeof DIDS;

/** Context of originated calls' second leg: `_X.` and `_+X.` dial the far end. */
export const OUTBOUND_CONTEXT = 'outbound';
/** Context of calls dialled from the operator phones. */
export const INTERNAL_CONTEXT = 'from-internal';

/**
 * Feature codes of `[from-internal]`: directed pickup of the call ringing an extension,
 * FreePBX's `**<ext>` (`Pickup(<ext>&<ext>@PICKUPMARK)`) and `*8<ext>` (`Pickup(<ext>)`).
 */
export const PICKUP_CODES = { freepbx: '**', byExtension: '*8' } as const;

/** AMI account names in `manager.conf`; the secrets are chosen per run. */
export const AMI_USERS = { helper: 'helper', admin: 'admin' } as const;

/** The phones that have a per-seat AMI account of their own (`manager-conf --seats 101-103`). */
export const SEAT_RANGE = '101-103';

/** The per-seat account of an extension, as `manager-conf --seats` names it. */
export function seatUser(extension: string): string {
  return `courier-${extension}`;
}
