import type { ChannelSnapshot } from '../../../../../helper/ami/channel-snapshot';
import type { AmiResponse } from '../../../../../helper/ami/client';
import type { AmiFields } from '../../../../../helper/ami/encode';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import type { CallControlAmi } from '../../../../../helper/workstation/call-control/call-controller';

export const CALL = '1741944600.17';
export const OPERATOR_CHANNEL = 'PJSIP/101-00000002';
export const CALLER_CHANNEL = 'PJSIP/trunk-00000001';
export const CALLER_BRIDGE = 'bridge-caller';
export const CONSULT_BRIDGE = 'bridge-consult';
/** The Local channel Asterisk's attended transfer dials 103 through, as it names it. */
export const PERSON_LOCAL = 'Local/103@from-internal-00000003';

export function snapshot(channel: string, uniqueid: string, bridgeId?: string): ChannelSnapshot {
  return {
    channel,
    state: 6,
    stateDesc: 'Up',
    callerIdNum: undefined,
    callerIdName: undefined,
    connectedLineNum: undefined,
    connectedLineName: undefined,
    context: undefined,
    exten: undefined,
    uniqueid,
    linkedid: CALL,
    application: undefined,
    applicationData: undefined,
    durationSeconds: 10,
    bridgeId,
  };
}

/** An inbound call answered on 101, with 102 (the operator's other phone) still ringing. */
export const ANSWERED_ON_101 = [
  snapshot(CALLER_CHANNEL, CALL, CALLER_BRIDGE),
  snapshot(OPERATOR_CHANNEL, '1741944600.18', CALLER_BRIDGE),
  snapshot('PJSIP/102-00000003', '1741944600.19'),
];

/**
 * The AMI of the card's controls: records the actions, answers them, and plays the
 * events a test hands it, as the PBX would after an action.
 */
export class FakeCallControlAmi implements CallControlAmi {
  readonly actions: { name: string; fields: AmiFields }[] = [];
  refuse: Error | undefined;
  /** Events the PBX sends once an action of that name has been answered. */
  readonly after = new Map<string, AmiFrame[]>();
  readonly #listeners = new Set<(frame: AmiFrame) => void>();

  constructor(public channels: ChannelSnapshot[] = ANSWERED_ON_101) {}

  async action(name: string, fields: AmiFields = {}): Promise<AmiResponse> {
    this.actions.push({ name, fields });
    if (this.refuse) throw this.refuse;
    const events = this.after.get(name) ?? [];
    setTimeout(() => this.emit(...events), 0);
    return { response: 'Success', message: `${name} queued`, actionId: '1', frame: {} };
  }

  async coreShowChannels(): Promise<ChannelSnapshot[]> {
    return this.channels;
  }

  on(_event: 'event', listener: (frame: AmiFrame) => void, options?: { signal?: AbortSignal }) {
    this.#listeners.add(listener);
    options?.signal?.addEventListener('abort', () => this.#listeners.delete(listener));
  }

  emit(...frames: AmiFrame[]): void {
    for (const frame of frames) for (const listener of this.#listeners) listener(frame);
  }
}

/** The events of an attended transfer to 103 that starts, rings and is answered. */
export function consultStarts(answered: boolean): AmiFrame[] {
  return [
    { Event: 'Newchannel', Channel: `${PERSON_LOCAL};1` },
    { Event: 'BridgeEnter', Channel: `${PERSON_LOCAL};1`, BridgeUniqueid: CONSULT_BRIDGE },
    { Event: 'BridgeLeave', Channel: OPERATOR_CHANNEL, BridgeUniqueid: CALLER_BRIDGE },
    { Event: 'BridgeEnter', Channel: OPERATOR_CHANNEL, BridgeUniqueid: CONSULT_BRIDGE },
    { Event: 'Newstate', Channel: `${PERSON_LOCAL};1`, ChannelStateDesc: 'Ringing' },
    ...(answered
      ? [
          { Event: 'DialEnd', Channel: `${PERSON_LOCAL};2`, DialStatus: 'ANSWER' },
          { Event: 'Newstate', Channel: `${PERSON_LOCAL};1`, ChannelStateDesc: 'Up' },
        ]
      : []),
  ];
}

/** The operator's channel back in the caller's bridge: a consultation that ended. */
export const BACK_WITH_CALLER: AmiFrame = {
  Event: 'BridgeEnter',
  Channel: OPERATOR_CHANNEL,
  BridgeUniqueid: CALLER_BRIDGE,
};

export const TRANSFERRED: AmiFrame[] = [
  {
    Event: 'AttendedTransfer',
    Result: 'Success',
    OrigTransfererChannel: OPERATOR_CHANNEL,
    SecondTransfererChannel: OPERATOR_CHANNEL,
  },
  { Event: 'Hangup', Channel: OPERATOR_CHANNEL, Cause: '16' },
];
