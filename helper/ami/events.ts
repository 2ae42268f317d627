import { header, type AmiFrame } from './frame';

/**
 * The AMI events the call tracker uses, typed after the Asterisk 12+ channel snapshot
 * format (unchanged through Asterisk 22). Values arrive as strings; absent caller data is
 * `<unknown>` on the wire, which {@link channelOf} turns into `undefined`.
 */

/** Channel snapshot headers; Dial*, transfer and bridge events repeat them with a prefix. */
export interface ChannelFields {
  readonly Channel: string;
  readonly ChannelState: string;
  readonly ChannelStateDesc: string;
  readonly CallerIDNum: string;
  readonly CallerIDName: string;
  readonly ConnectedLineNum: string;
  readonly ConnectedLineName: string;
  readonly Language?: string;
  readonly AccountCode: string;
  readonly Context: string;
  readonly Exten: string;
  readonly Priority: string;
  readonly Uniqueid: string;
  readonly Linkedid: string;
}

type Prefixed<P extends string> = {
  readonly [K in keyof ChannelFields as `${P}${K & string}`]: ChannelFields[K];
};

export interface BridgeFields {
  readonly BridgeUniqueid: string;
  readonly BridgeType: string;
  readonly BridgeTechnology: string;
  readonly BridgeCreator: string;
  readonly BridgeName: string;
  readonly BridgeNumChannels: string;
  readonly BridgeVideoSourceMode?: string;
}

interface EventBase<N extends string> extends AmiFrame {
  readonly Event: N;
  readonly Privilege?: string;
}

export type NewchannelEvent = EventBase<'Newchannel'> & ChannelFields;
export type NewstateEvent = EventBase<'Newstate'> & ChannelFields;
/** Without the caller-side headers when the dial comes from an Originate. */
export type DialBeginEvent = EventBase<'DialBegin'> &
  Partial<ChannelFields> &
  Prefixed<'Dest'> & { readonly DialString?: string };
export type DialEndEvent = EventBase<'DialEnd'> &
  Partial<ChannelFields> &
  Prefixed<'Dest'> & { readonly DialStatus: string; readonly Forward?: string };
export type BridgeEnterEvent = EventBase<'BridgeEnter'> &
  BridgeFields &
  ChannelFields & { readonly SwapUniqueid?: string };
export type BridgeLeaveEvent = EventBase<'BridgeLeave'> & BridgeFields & ChannelFields;
export type HangupEvent = EventBase<'Hangup'> &
  ChannelFields & { readonly Cause: string; readonly 'Cause-txt': string };
export type OriginateResponseEvent = EventBase<'OriginateResponse'> & {
  readonly ActionID?: string;
  readonly Response: string;
  readonly Channel: string;
  readonly Context?: string;
  readonly Exten?: string;
  readonly Application?: string;
  readonly Data?: string;
  readonly Reason: string;
  readonly Uniqueid: string;
  readonly CallerIDNum: string;
  readonly CallerIDName: string;
};
export type CoreShowChannelEvent = EventBase<'CoreShowChannel'> &
  ChannelFields & {
    readonly ActionID: string;
    readonly Application: string;
    readonly ApplicationData: string;
    readonly Duration: string;
    readonly BridgeId: string;
  };
/** Global variables carry no channel headers. */
export type VarSetEvent = EventBase<'VarSet'> &
  Partial<ChannelFields> & { readonly Variable: string; readonly Value: string };
export type BlindTransferEvent = EventBase<'BlindTransfer'> &
  Prefixed<'Transferer'> &
  Partial<Prefixed<'Transferee'>> &
  Partial<BridgeFields> & {
    readonly Result: string;
    readonly IsExternal: string;
    readonly Context: string;
    readonly Extension: string;
  };
/** A phone picked up a call ringing another (directed or group pickup); `Target*` rang. */
export type PickupEvent = EventBase<'Pickup'> & ChannelFields & Prefixed<'Target'>;
export type AttendedTransferEvent = EventBase<'AttendedTransfer'> &
  Prefixed<'OrigTransferer'> &
  Partial<Prefixed<'SecondTransferer'>> &
  Partial<Prefixed<'Transferee'>> &
  Partial<Prefixed<'TransferTarget'>> & {
    readonly Result: string;
    readonly DestType: string;
    readonly OrigBridgeUniqueid?: string;
    readonly SecondBridgeUniqueid?: string;
    readonly DestBridgeUniqueid?: string;
    readonly DestApp?: string;
  };

export interface CallEventMap {
  Newchannel: NewchannelEvent;
  Newstate: NewstateEvent;
  DialBegin: DialBeginEvent;
  DialEnd: DialEndEvent;
  BridgeEnter: BridgeEnterEvent;
  BridgeLeave: BridgeLeaveEvent;
  Hangup: HangupEvent;
  OriginateResponse: OriginateResponseEvent;
  CoreShowChannel: CoreShowChannelEvent;
  VarSet: VarSetEvent;
  BlindTransfer: BlindTransferEvent;
  AttendedTransfer: AttendedTransferEvent;
  Pickup: PickupEvent;
}

export type CallEventName = keyof CallEventMap;
export type CallEvent = CallEventMap[CallEventName];

/** The `Event` header of a frame, or undefined for responses. */
export function eventName(frame: AmiFrame): string | undefined {
  const name = frame['Event'];
  return typeof name === 'string' ? name : undefined;
}

/** Narrows a frame by its `Event` name (headers themselves are not checked). */
export function isEvent<N extends CallEventName>(
  frame: AmiFrame,
  name: N,
): frame is CallEventMap[N] {
  return frame['Event'] === name;
}

export type ChannelPrefix =
  | ''
  | 'Dest'
  | 'Transferer'
  | 'Transferee'
  | 'OrigTransferer'
  | 'SecondTransferer'
  | 'TransferTarget'
  | 'Target';

/** One side of an event as a normalized, typed object. */
export interface ChannelInfo {
  readonly channel: string;
  /** Asterisk channel state: 0 Down, 4 Ring, 5 Ringing, 6 Up, …; undefined if absent. */
  readonly state: number | undefined;
  readonly stateDesc: string | undefined;
  readonly callerIdNum: string | undefined;
  readonly callerIdName: string | undefined;
  readonly connectedLineNum: string | undefined;
  readonly connectedLineName: string | undefined;
  readonly context: string | undefined;
  readonly exten: string | undefined;
  readonly uniqueid: string | undefined;
  readonly linkedid: string | undefined;
}

/** Reads the (prefixed) channel snapshot of a frame; undefined if it has no such channel. */
export function channelOf(frame: AmiFrame, prefix: ChannelPrefix = ''): ChannelInfo | undefined {
  const channel = header(frame, `${prefix}Channel`);
  if (channel === undefined || channel.length === 0) return undefined;
  const state = header(frame, `${prefix}ChannelState`);
  const parsedState = state === undefined ? Number.NaN : Number.parseInt(state, 10);
  return {
    channel,
    state: Number.isNaN(parsedState) ? undefined : parsedState,
    stateDesc: known(header(frame, `${prefix}ChannelStateDesc`)),
    callerIdNum: known(header(frame, `${prefix}CallerIDNum`)),
    callerIdName: known(header(frame, `${prefix}CallerIDName`)),
    connectedLineNum: known(header(frame, `${prefix}ConnectedLineNum`)),
    connectedLineName: known(header(frame, `${prefix}ConnectedLineName`)),
    context: known(header(frame, `${prefix}Context`)),
    exten: known(header(frame, `${prefix}Exten`)),
    uniqueid: known(header(frame, `${prefix}Uniqueid`)),
    linkedid: known(header(frame, `${prefix}Linkedid`)),
  };
}

/** A header value, with Asterisk's placeholders for "nothing" turned into undefined. */
export function known(value: string | undefined): string | undefined {
  if (value === undefined || value.length === 0 || value === '<unknown>') return undefined;
  return value;
}
